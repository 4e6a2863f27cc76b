package dev.strata.cli;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.testing.FaultProxy;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.RegistryServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code strata pull} processes (separate JVMs) on one data directory against the real registry, behind
 * the proxy, which counts requests and holds the first download of the big layer part-way until the second
 * process is seen waiting on the blob's file lock ({@code /proc/locks}): each blob is downloaded once; a
 * killed downloader does not block the other, which takes over and clears the dead one's partial file.
 */
class ConcurrentPullTest {
    @TempDir
    static Path shared;
    static ProxiedRegistry fixture;
    static RegistryServer registry;
    static Vertx vertx;
    static FaultProxy proxy;
    static ImageFixtures.Image image;
    static Descriptor big;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        fixture = ProxiedRegistry.start(shared);
        registry = fixture.registry();
        vertx = fixture.vertx();
        proxy = fixture.proxy();
        image = fixture.image();
        big = fixture.big();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        proxy.clear();
        gate = new java.util.concurrent.CompletableFuture<>();
        // the first download of the big layer sends 16 KiB, then holds the rest back until the test opens the gate
        proxy.on(s -> s.path().endsWith("/blobs/" + big.digest()), 1, (req, up, resp) -> {
            io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
            up.headers().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("transfer-encoding")) {
                    v.forEach(value -> resp.putHeader(k, value));
                }
            });
            resp.setStatusCode(up.status()).putHeader("Content-Length", String.valueOf(up.body().length));
            resp.write(io.vertx.core.buffer.Buffer.buffer(java.util.Arrays.copyOf(up.body(), 16 * 1024)));
            gate.thenRun(() -> context.runOnContext(v -> resp.end(io.vertx.core.buffer.Buffer.buffer(
                    java.util.Arrays.copyOfRange(up.body(), 16 * 1024, up.body().length)))));
            return true;
        });
    }

    static java.util.concurrent.CompletableFuture<Void> gate;

    /** Waits until {@code p} is blocked on a POSIX file lock (a {@code ->} waiter line in /proc/locks). */
    private static void awaitBlockedOnALock(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 5 && f[1].equals("->") && f[2].equals("POSIX") && f[5].equals(String.valueOf(p.pid()))) {
                    return;
                }
            }
            assertThat(p.isAlive()).as("the second pull ended without waiting for the lock").isTrue();
            assertThat(System.nanoTime()).as("the second pull never waited for the lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Process pull(Path data, String name) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.strata.cli.StrataCli", "pull", "--data",
                data.toString(), proxy.host() + "/small/app:1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().remove("STRATA_DATA");
        return pb.start();
    }

    private long gets(String digestPath) {
        return proxy.seen().stream().filter(s -> s.method().equals("GET") && s.path().endsWith(digestPath)).count();
    }

    private void awaitBigLayerRequested(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (gets("/blobs/" + big.digest()) < count) {
            assertThat(System.nanoTime()).as("the big layer was not asked for in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void assertPulled(Process p, String name) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve(name + ".err"))).isZero();
        assertThat(Files.readString(tmp.resolve(name + ".out"))).contains(image.manifestDigest().toString());
    }

    private static List<Path> tmpFiles(Path data) throws Exception {
        try (Stream<Path> s = Files.list(data.resolve("tmp"))) {
            return s.toList();
        }
    }

    @Test
    void twoProcessesDownloadEachBlobOnce() throws Exception {
        Path data = tmp.resolve("data");
        Process first = pull(data, "first");
        awaitBigLayerRequested(1);
        Process second = pull(data, "second");
        awaitBlockedOnALock(second); // the first one holds the big layer's lock while it downloads
        gate.complete(null);
        assertPulled(first, "first");
        assertPulled(second, "second");
        assertThat(gets("/blobs/" + big.digest())).isEqualTo(1);
        assertThat(gets("/blobs/" + image.configDigest())).isEqualTo(1);
        for (ImageFixtures.Layer layer : image.layers()) {
            assertThat(gets("/blobs/" + layer.descriptor().digest())).as(layer.descriptor().digest().toString())
                    .isEqualTo(1);
        }
        assertThat(RegistryTestImages.blobFiles(data)).contains(big.digest().toString());
        assertThat(tmpFiles(data)).isEmpty();
        // each process reports what it downloaded itself: together, every layer once
        assertThat(downloadedCount("first") + downloadedCount("second")).isEqualTo(image.layers().size());
    }

    private int downloadedCount(String name) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) downloaded")
                .matcher(Files.readString(tmp.resolve(name + ".out")));
        assertThat(m.find()).as(name + " prints what it downloaded").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aKilledDownloaderDoesNotBlockTheOther() throws Exception {
        Path data = tmp.resolve("data");
        Process doomed = pull(data, "doomed");
        awaitBigLayerRequested(1);
        Process survivor = pull(data, "survivor");
        awaitBlockedOnALock(survivor);
        assertThat(tmpFiles(data)).anySatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".partial"));
        doomed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertPulled(survivor, "survivor");
        // the survivor took over once the OS dropped the dead process's lock, and cleaned up its partial file
        assertThat(gets("/blobs/" + big.digest())).isEqualTo(2);
        assertThat(RegistryTestImages.blobFiles(data)).contains(big.digest().toString());
        assertThat(tmpFiles(data)).isEmpty();
    }
}
