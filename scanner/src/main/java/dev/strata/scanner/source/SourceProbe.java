package dev.strata.scanner.source;

import dev.strata.scanner.image.ImageFormatException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The file-probing half of {@link SourceReference#parse}: tells what a bare path holds. */
public final class SourceProbe {
    private SourceProbe() {
    }

    /**
     * A directory with {@code oci-layout} ⇒ OCI layout; a gzip file ⇒ docker-archive; a tar with
     * {@code manifest.json} ⇒ docker-archive; a tar with {@code oci-layout} and {@code index.json} ⇒
     * oci-archive. Anything else is an {@link ImageFormatException} naming the path.
     */
    public static SourceReference detect(Path path) throws IOException {
        Path p = SourceReferenceParser.absolute(path);
        if (!Files.exists(p)) {
            throw new ImageFormatException("no such file or directory: " + p);
        }
        if (Files.isDirectory(p)) {
            if (Files.isRegularFile(p.resolve("oci-layout"))) {
                return new SourceReference.OciLayout(p, null);
            }
            throw new ImageFormatException(p + " is a directory but not an OCI image layout (no oci-layout file)");
        }
        if (isGzip(p)) {
            return new SourceReference.DockerArchive(p);
        }
        boolean manifestJson = false;
        boolean ociLayout = false;
        boolean indexJson = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                switch (TarStore.normalise(e.getName())) {
                    case "manifest.json" -> manifestJson = true;
                    case "oci-layout" -> ociLayout = true;
                    case "index.json" -> indexJson = true;
                    default -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!manifestJson && !(ociLayout && indexJson)) {
                throw new ImageFormatException(p + " is not a docker-archive, oci-archive or OCI layout: "
                        + e.getMessage());
            }
        }
        if (manifestJson) {
            return new SourceReference.DockerArchive(p);
        }
        if (ociLayout && indexJson) {
            return new SourceReference.OciArchive(p, null);
        }
        throw new ImageFormatException(p + " is not a docker-archive, oci-archive or OCI layout"
                + " (no manifest.json, and no oci-layout + index.json)");
    }

    static boolean isGzip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
    }
}
