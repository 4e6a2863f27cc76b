package dev.strata.scanner.registry;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.MediaTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentStoreTest {
    @TempDir
    Path data;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static Descriptor descriptor(byte[] content) {
        return new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digest.sha256Of(content), content.length);
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(data.resolve("tmp"))) {
            return s.toList();
        }
    }

    @Test
    void streamsToTheConsumerAndStoresVerified() throws Exception {
        ContentStore store = new ContentStore(data);
        byte[] content = bytes(300_000, 1);
        Descriptor d = descriptor(content);
        byte[][] seen = new byte[1][];
        store.readThrough(d, blob -> new ByteArrayInputStream(content), (blob, in) -> seen[0] = in.readAllBytes());
        assertThat(seen[0]).isEqualTo(content);
        assertThat(store.has(d)).isTrue();
        assertThat(Files.readAllBytes(data.resolve("blobs/sha256/" + d.digest().hex()))).isEqualTo(content);
        assertThat(leftovers()).isEmpty();
        // present: not opened again
        store.readThrough(d, blob -> {
            throw new AssertionError("downloaded again");
        }, (blob, in) -> assertThat(in.readAllBytes()).isEqualTo(content));
    }

    @Test
    void aConsumerThatStopsEarlyStillGetsTheBlobStored() throws Exception {
        ContentStore store = new ContentStore(data);
        byte[] content = bytes(200_000, 2);
        Descriptor d = descriptor(content);
        store.readThrough(d, blob -> new ByteArrayInputStream(content), (blob, in) -> {
            in.readNBytes(10);
            in.close();
        });
        assertThat(store.has(d)).isTrue();
    }

    @Test
    void badContentIsNeverStored() throws Exception {
        ContentStore store = new ContentStore(data);
        byte[] content = bytes(100_000, 3);
        Descriptor d = descriptor(content);
        byte[] corrupt = content.clone();
        corrupt[500] ^= 1;
        assertThatThrownBy(() -> store.fetch(d, blob -> new ByteArrayInputStream(corrupt)))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("does not match its digest");
        assertThatThrownBy(() -> store.fetch(d, blob -> new ByteArrayInputStream(Arrays.copyOf(content, 99_000))))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("is 99000 bytes but its descriptor says 100000");
        assertThatThrownBy(() -> store.fetch(d, blob -> new ByteArrayInputStream(Arrays.copyOf(content, 100_001))))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("larger than the 100000 bytes");
        assertThatThrownBy(() -> store.readThrough(d, blob -> new ByteArrayInputStream(content), (blob, in) -> {
            in.readNBytes(1000);
            throw new IOException("analysis failed");
        })).hasMessage("analysis failed");
        assertThat(store.has(d)).isFalse();
        assertThat(Files.exists(store.path(d.digest()))).isFalse();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void concurrentRequestsForOneBlobShareOneDownload() throws Exception {
        // two stores on one directory in one JVM (as a CLI pull and the server's store could be) count as one
        ContentStore[] stores = {new ContentStore(data), new ContentStore(data)};
        byte[] content = bytes(500_000, 4);
        Descriptor d = descriptor(content);
        AtomicInteger opened = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ContentStore.Opener slow = blob -> {
            opened.incrementAndGet();
            return new InputStream() {
                private final InputStream in = new ByteArrayInputStream(content);

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    return in.read(b, off, len);
                }
            };
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ContentStore store = stores[i % 2];
                results.add(pool.submit(() -> {
                    byte[][] got = new byte[1][];
                    store.readThrough(d, slow, (blob, in) -> got[0] = in.readAllBytes());
                    return got[0];
                }));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<byte[]> f : results) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(content);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(opened.get()).isEqualTo(1);
        assertThat(leftovers()).isEmpty();
    }

    /** A child JVM that takes the blob's lock as the store does, says so, and then sleeps until killed. */
    private Process lockHolder(Path lockFile) throws Exception {
        Path source = data.resolve("LockHolder.java");
        Files.writeString(source, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class LockHolder {
                    public static void main(String[] args) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        c.lock();
                        System.out.println("locked");
                        System.out.flush();
                        Thread.sleep(120_000);
                    }
                }
                """);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), lockFile.toString()).redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        assertThat(out.readLine()).isEqualTo("locked");
        return p;
    }

    @Test
    void anotherProcessHoldingTheBlobMakesUsWaitAndItsDeathReleasesIt() throws Exception {
        ContentStore store = new ContentStore(data);
        byte[] content = bytes(50_000, 7);
        Descriptor d = descriptor(content);
        // a download that died half-way in a killed process left its partial file
        Path stale = data.resolve("tmp/" + d.digest().hex() + "-12345.partial");
        Files.write(stale, Arrays.copyOf(content, 1000));
        Process holder = lockHolder(data.resolve("tmp/" + d.digest().hex() + ".lock"));
        AtomicInteger opened = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> fetch = pool.submit(() -> {
                store.fetch(d, blob -> {
                    opened.incrementAndGet();
                    return new ByteArrayInputStream(content);
                });
                return null;
            });
            Thread.sleep(500);
            assertThat(fetch.isDone()).isFalse();
            assertThat(opened.get()).isZero();
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // the OS drops a killed process's locks
            fetch.get(10, TimeUnit.SECONDS);
        } finally {
            holder.destroyForcibly();
            pool.shutdownNow();
        }
        assertThat(opened.get()).isEqualTo(1);
        assertThat(store.has(d)).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void pruneKeepsOnlyWhatIsAskedFor() throws Exception {
        ContentStore store = new ContentStore(data);
        byte[] a = bytes(1000, 5);
        byte[] b = bytes(2000, 6);
        store.put(descriptor(a), a);
        store.put(descriptor(b), b);
        long[] pruned = store.prune(Set.of(Digest.sha256Of(a)));
        assertThat(pruned).containsExactly(1, 2000);
        assertThat(store.list()).containsExactly(Digest.sha256Of(a));
    }
}
