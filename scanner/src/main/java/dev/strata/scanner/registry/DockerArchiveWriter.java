package dev.strata.scanner.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.ImageManifest;
import dev.strata.scanner.image.MediaTypes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a stored image as a {@code docker save} tar in Docker 25's layout, which {@code docker load},
 * skopeo and Strata read: {@code manifest.json} (Config, RepoTags, Layers as {@code blobs/sha256/…}), plus
 * the OCI side-layout ({@code oci-layout}, {@code index.json}, the manifest blob) so the manifest digest
 * survives. Layers are copied as stored (compressed). The tar is written next to the target and moved in.
 */
public final class DockerArchiveWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DockerArchiveWriter() {
    }

    /**
     * Writes the image whose manifest ({@code manifestBytes}, digest {@code manifestDigest}) is {@code manifest}
     * from {@code store} to {@code target}, tagged {@code repoTag} (nullable).
     */
    public static void write(ContentStore store, Digest manifestDigest, byte[] manifestBytes, ImageManifest manifest,
                             String repoTag, Path target) throws IOException {
        for (Descriptor d : blobs(manifest)) {
            if (!store.has(d)) {
                throw new ImageFormatException("blob " + d.digest() + " of image " + manifestDigest
                        + " is not in the blob store; pull the image again");
            }
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "." + target.getFileName() + "-", ".partial");
        boolean done = false;
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(file, StandardCharsets.UTF_8.name())) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                addDirectory(tar, "blobs/");
                addDirectory(tar, "blobs/sha256/");
                Set<Digest> written = new LinkedHashSet<>();
                for (Descriptor d : blobs(manifest)) {
                    if (written.add(d.digest())) {
                        addFile(tar, blobName(d.digest()), store.path(d.digest()));
                    }
                }
                addBytes(tar, blobName(manifestDigest), manifestBytes);
                addBytes(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
                addBytes(tar, "index.json", indexJson(manifestDigest, manifestBytes.length, manifest, repoTag));
                addBytes(tar, "manifest.json", manifestJson(manifest, repoTag));
                tar.finish();
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    private static List<Descriptor> blobs(ImageManifest manifest) {
        List<Descriptor> out = new java.util.ArrayList<>();
        out.add(manifest.config());
        out.addAll(manifest.layers());
        return out;
    }

    static String blobName(Digest d) {
        return "blobs/" + d.algorithm() + "/" + d.hex();
    }

    private static byte[] manifestJson(ImageManifest manifest, String repoTag) throws IOException {
        ArrayNode root = MAPPER.createArrayNode();
        ObjectNode entry = root.addObject();
        entry.put("Config", blobName(manifest.config().digest()));
        ArrayNode tags = entry.putArray("RepoTags");
        if (repoTag != null) {
            tags.add(repoTag);
        }
        ArrayNode layers = entry.putArray("Layers");
        manifest.layers().forEach(l -> layers.add(blobName(l.digest())));
        return MAPPER.writeValueAsBytes(root);
    }

    private static byte[] indexJson(Digest manifestDigest, long size, ImageManifest manifest, String repoTag)
            throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.OCI_INDEX);
        ObjectNode m = root.putArray("manifests").addObject();
        m.put("mediaType", manifest.mediaType());
        m.put("digest", manifestDigest.toString());
        m.put("size", size);
        if (repoTag != null) {
            ObjectNode annotations = m.putObject("annotations");
            annotations.put("io.containerd.image.name", repoTag);
            int colon = repoTag.lastIndexOf(':');
            if (colon > repoTag.lastIndexOf('/')) {
                annotations.put("org.opencontainers.image.ref.name", repoTag.substring(colon + 1));
            }
        }
        return MAPPER.writeValueAsBytes(root);
    }

    private static void addDirectory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0755);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static void addBytes(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        e.setMode(0644);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void addFile(TarArchiveOutputStream tar, String name, Path file) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(Files.size(file));
        e.setMode(0644);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }
}
