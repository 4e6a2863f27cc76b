package dev.strata.scanner.source;

import dev.strata.scanner.image.ImageFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the {@link ImageSource} for a {@link SourceReference}. */
public final class ImageSources {
    private ImageSources() {
    }

    /** Opens {@code reference}; the caller closes the source. */
    public static ImageSource open(SourceReference reference) throws IOException {
        if (reference instanceof SourceReference.OciLayout l) {
            return openLayout(l);
        }
        if (reference instanceof SourceReference.OciArchive a) {
            return openArchive(a.path(), a, "oci-archive:" + a.path(),
                    (store, platform) -> new OciResolver(store, a.toString()).resolve(a.ref(), platform));
        }
        SourceReference.DockerArchive d = (SourceReference.DockerArchive) reference;
        return openArchive(d.path(), d, "docker-archive:" + d.path(),
                (store, platform) -> new DockerArchiveResolver(store, d.toString()).resolve(d.repoTag(), d.index()));
    }

    /** Parses {@code text} ({@link SourceReference#parse}) and opens it. */
    public static ImageSource open(String text) throws IOException {
        return open(SourceReference.parse(text));
    }

    private static ImageSource openLayout(SourceReference.OciLayout l) throws IOException {
        Path dir = l.dir();
        if (!Files.exists(dir)) {
            throw new ImageFormatException("no such directory: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new ImageFormatException(dir + " is not a directory (for an oci-archive tar use oci-archive:"
                    + dir + ")");
        }
        if (!Files.isRegularFile(dir.resolve("oci-layout"))) {
            throw new ImageFormatException(dir + " is not an OCI image layout (no oci-layout file)");
        }
        String describe = "oci:" + dir;
        return new StoreImageSource(new DirectoryStore(dir, describe),
                (store, platform) -> new OciResolver(store, l.toString()).resolve(l.ref(), platform));
    }

    private static ImageSource openArchive(Path path, SourceReference ref, String describe,
                                           StoreImageSource.Resolver resolver) throws IOException {
        if (!Files.exists(path)) {
            throw new ImageFormatException("no such file: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageFormatException(path + " is not a regular file");
        }
        if (SourceProbe.isGzip(path)) {
            return new CompressedArchiveSource(path, ref);
        }
        return new StoreImageSource(new TarStore(path, describe), resolver);
    }
}
