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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Registry pulls through a fault-injecting proxy in front of the real registry: retries, resume, bad answers. */
class RegistryFaultsTest {
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
    }

    private Path data() {
        return tmp.resolve("data");
    }

    private String ref() {
        return proxy.host() + "/small/app:1";
    }

    private CliRun scan(String reference, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--skip-db", "--data", data().toString(), "--format", "json"));
        args.addAll(List.of(extra));
        args.add(reference);
        return CliRun.run(args.toArray(String[]::new));
    }

    private static String blobPath(Descriptor d) {
        return "/v2/small/app/blobs/" + d.digest();
    }

    private List<FaultProxy.Seen> seen(String path) {
        return proxy.seen().stream().filter(s -> s.path().equals(path)).toList();
    }

    private void assertOk(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(image.manifestDigest().toString());
    }

    /** Exit 2, one line naming {@code expected}, and no partial download or stored blob of {@code notStored}. */
    private void assertBadInput(CliRun run, String expected, Descriptor notStored) throws Exception {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("strata: error: ").contains(expected);
        assertThat(run.err().strip()).doesNotContain("\n");
        assertThat(RegistryScanTest.partials(data())).isEmpty();
        if (notStored != null) {
            assertThat(RegistryTestImages.blobFiles(data())).doesNotContain(notStored.digest().toString());
        }
    }

    @Test
    void serverErrorsAreRetried() {
        String manifests = "/v2/small/app/manifests/1";
        proxy.on(FaultProxy.path(manifests), 2, FaultProxy.status(500, Map.of(), "boom"));
        proxy.on(FaultProxy.path(blobPath(big)), 1, FaultProxy.status(503, Map.of(), "busy"));
        assertOk(scan(ref()));
        assertThat(seen(manifests)).hasSize(3);
        assertThat(seen(blobPath(big))).hasSize(2);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        proxy.on(FaultProxy.path(blobPath(big)), 1, FaultProxy.status(429, Map.of("Retry-After", "1"), "slow down"));
        assertOk(scan(ref()));
        List<FaultProxy.Seen> tries = seen(blobPath(big));
        assertThat(tries).hasSize(2);
        assertThat(tries.get(1).nanos() - tries.get(0).nanos()).isGreaterThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void tooManyRequestsReportsTheRateLimitWhenRetriesRunOut() throws Exception {
        proxy.on(FaultProxy.path("/v2/small/app/manifests/1"), -1, FaultProxy.status(429,
                Map.of("ratelimit-limit", "100;w=21600", "ratelimit-remaining", "0;w=21600", "Retry-After", "0"),
                "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"pull rate limit\"}]}"));
        CliRun run = scan(ref(), "--retries", "1");
        assertBadInput(run, "too many requests (429); rate limit 0 of 100 pulls left per 6h", null);
    }

    @Test
    void aBlobCutOffMidwayResumesWithRange() {
        proxy.on(FaultProxy.path(blobPath(big)), 1, FaultProxy.resetAfter(200_000));
        assertOk(scan(ref()));
        List<FaultProxy.Seen> tries = seen(blobPath(big));
        assertThat(tries).hasSize(2);
        assertThat(tries.get(0).header("range")).isNull();
        String range = tries.get(1).header("range");
        assertThat(range).matches("bytes=\\d+-");
        long from = Long.parseLong(range.substring(6, range.length() - 1));
        assertThat(from).isPositive().isLessThanOrEqualTo(200_000);
        assertThat(data().resolve("blobs/sha256/" + big.digest().hex())).hasSize(big.size());
    }

    @Test
    void slowBodiesComplete() {
        proxy.on(FaultProxy.path(blobPath(big)), 1, FaultProxy.slow(32 * 1024, 5, vertx));
        assertOk(scan(ref()));
    }

    @Test
    void silenceLongerThanTheReadTimeoutFails() throws Exception {
        proxy.on(FaultProxy.path(blobPath(big)), -1, FaultProxy.slow(1000, 3000, vertx));
        CliRun run = scan(ref(), "--read-timeout", "0.5", "--retries", "0");
        assertBadInput(run, "no data for 0.5 s", big);
    }

    @Test
    void manifestDigestMismatchWhenPulledByDigest() throws Exception {
        String path = "/v2/small/app/manifests/" + image.manifestDigest();
        proxy.on(FaultProxy.path(path), -1, FaultProxy.rewrite(b -> append(b, "\n"), Map.of()));
        CliRun run = scan(proxy.host() + "/small/app@" + image.manifestDigest());
        assertBadInput(run, "the registry served content with digest sha256:", big);
        assertThat(RegistryTestImages.blobFiles(data())).isEmpty();
    }

    @Test
    void manifestDifferingFromDockerContentDigest() throws Exception {
        proxy.on(FaultProxy.path("/v2/small/app/manifests/1"), -1, FaultProxy.rewrite(b -> append(b, " "), Map.of()));
        assertBadInput(scan(ref()), "differs from Docker-Content-Digest", null);
        assertThat(RegistryTestImages.blobFiles(data())).isEmpty();
    }

    @Test
    void blobDigestMismatchLeavesNothingBehind() throws Exception {
        proxy.on(FaultProxy.path(blobPath(big)), -1, FaultProxy.rewrite(b -> {
            byte[] c = b.clone();
            c[c.length / 2] ^= 1;
            return c;
        }, Map.of()));
        assertBadInput(scan(ref()), big.digest().toString(), big);
    }

    @Test
    void blobLargerThanItsDescriptor() throws Exception {
        proxy.on(FaultProxy.path(blobPath(big)), -1, FaultProxy.rewrite(b -> append(b, "trailing"), Map.of()));
        assertBadInput(scan(ref()), "is larger than the " + big.size() + " bytes its descriptor says", big);
    }

    @Test
    void manifestOverFourMebibytes() throws Exception {
        proxy.on(FaultProxy.path("/v2/small/app/manifests/1"), -1, FaultProxy.rewrite(b -> {
            byte[] c = Arrays.copyOf(b, 5 * 1024 * 1024);
            Arrays.fill(c, b.length, c.length, (byte) ' ');
            return c;
        }, Map.of()));
        assertBadInput(scan(ref()), "more than the 4 MiB limit for manifests", null);
    }

    @Test
    void unknownAndSchema1MediaTypes() throws Exception {
        proxy.on(FaultProxy.path("/v2/small/app/manifests/1"), 1, FaultProxy.rewrite(b -> b,
                Map.of("Content-Type", "application/vnd.example.thing+json")));
        assertBadInput(scan(ref()), "unsupported media type application/vnd.example.thing+json", null);
        proxy.on(FaultProxy.path("/v2/small/app/manifests/1"), 1, FaultProxy.rewrite(b -> b,
                Map.of("Content-Type", "application/vnd.docker.distribution.manifest.v1+prettyjws")));
        assertBadInput(scan(ref()), "Docker schema 1 manifest", null);
    }

    @Test
    void anHtmlAnswer() throws Exception {
        proxy.on(FaultProxy.path("/v2/small/app/manifests/1"), -1, FaultProxy.status(200,
                Map.of("Content-Type", "text/html; charset=utf-8"), "<html><body>Sign in</body></html>"));
        assertBadInput(scan(ref()), "HTML page", null);
    }

    private static byte[] append(byte[] b, String s) {
        byte[] extra = s.getBytes(StandardCharsets.UTF_8);
        byte[] c = Arrays.copyOf(b, b.length + extra.length);
        System.arraycopy(extra, 0, c, b.length, extra.length);
        return c;
    }
}
