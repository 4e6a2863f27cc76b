package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.Platform;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * A gzip-compressed docker-archive (or oci-archive), which cannot be read at random. {@link #resolve}
 * streams the whole tar once, keeping only the small entries in memory; {@link #readBlobs} streams it
 * again and hands each wanted blob to the consumer on the calling thread, in archive order (a blob listed
 * twice costs another pass).
 */
final class CompressedArchiveSource implements ImageSource {
    private final Path path;
    private final SourceReference reference;
    private MemoryStore store;
    private Resolution resolution;

    CompressedArchiveSource(Path path, SourceReference reference) throws IOException {
        this.path = path;
        this.reference = reference;
        if (!Files.isRegularFile(path)) {
            throw new ImageFormatException(Files.exists(path) ? path + " is not a regular file"
                    : "no such file: " + path);
        }
    }

    private InputStream openTarStream() throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            return SourceProbe.isGzip(path) ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (IOException e) {
            raw.close();
            throw new ImageFormatException(path + " is not a readable gzip file: " + e.getMessage(), e);
        }
    }

    private interface EntryHandler {
        /** Returns false to stop reading. */
        boolean entry(String name, TarArchiveEntry entry, InputStream content) throws IOException;
    }

    private void scan(EntryHandler handler) throws IOException {
        try (InputStream in = openTarStream(); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            int count = 0;
            while (true) {
                TarArchiveEntry e;
                try {
                    e = tar.getNextEntry();
                } catch (IOException | RuntimeException ex) {
                    throw new ImageFormatException(path + " is truncated or corrupt: " + ex.getMessage(), ex);
                }
                if (e == null) {
                    break;
                }
                count++;
                if (!e.isFile()) {
                    continue;
                }
                if (!handler.entry(TarStore.normalise(e.getName()), e, tar)) {
                    return;
                }
            }
            if (count == 0) {
                throw new ImageFormatException(path + " is not a tar archive or holds no files");
            }
        }
    }

    private MemoryStore firstPass() throws IOException {
        if (store == null) {
            MemoryStore s = new MemoryStore(describe());
            scan((name, entry, content) -> {
                if (s.wants(name, entry.getSize())) {
                    byte[] bytes;
                    try {
                        bytes = content.readAllBytes();
                    } catch (IOException ex) {
                        throw new ImageFormatException(path + " is truncated or corrupt: " + ex.getMessage(), ex);
                    }
                    if (bytes.length != entry.getSize()) {
                        throw new ImageFormatException(path + " is truncated: entry " + name + " is short");
                    }
                    s.keep(name, bytes);
                }
                return true;
            });
            store = s;
        }
        return store;
    }

    private String describe() {
        if (reference instanceof SourceReference.DockerArchive d) {
            return "docker-archive:" + d.path();
        }
        if (reference instanceof SourceReference.OciArchive o) {
            return "oci-archive:" + o.path();
        }
        return reference.toString();
    }

    @Override
    public ResolvedImage resolve(Platform platform) throws IOException {
        Objects.requireNonNull(platform, "platform");
        MemoryStore s = firstPass();
        Resolution r;
        if (reference instanceof SourceReference.DockerArchive d && s.size("manifest.json") >= 0) {
            r = new DockerArchiveResolver(s, reference.toString()).resolve(d.repoTag(), d.index());
        } else if (s.size("index.json") >= 0) {
            String ref = reference instanceof SourceReference.OciArchive o ? o.ref() : null;
            r = new OciResolver(s, reference.toString()).resolve(ref, platform);
        } else {
            throw new ImageFormatException(path + " holds neither manifest.json nor index.json");
        }
        resolution = r;
        return r.image();
    }

    @Override
    public void readBlobs(List<Descriptor> blobs, java.util.concurrent.ExecutorService executor,
                          BlobConsumer consumer) throws IOException {
        MemoryStore s = firstPass();
        Map<String, List<Descriptor>> remaining = new HashMap<>();
        for (Descriptor d : blobs) {
            String name = resolution == null ? OciResolver.blobName(d.digest()) : resolution.nameOf(d);
            StoreImageSource.checkPresent(s, d, name);
            remaining.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
        }
        while (!remaining.isEmpty()) {
            int[] delivered = {0};
            scan((name, entry, content) -> {
                List<Descriptor> wanted = remaining.get(name);
                if (wanted != null) {
                    delivered[0]++;
                    Descriptor d = wanted.remove(0);
                    if (wanted.isEmpty()) {
                        remaining.remove(name);
                    }
                    consumer.accept(d, new FilterInputStream(content) {
                        @Override
                        public void close() {
                            // the tar stream stays open for the next entry
                        }
                    });
                }
                return !remaining.isEmpty();
            });
            if (!remaining.isEmpty() && delivered[0] == 0) {
                throw new ImageFormatException("blob " + remaining.values().iterator().next().get(0).digest()
                        + " referenced by the manifest is missing from " + describe());
            }
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
