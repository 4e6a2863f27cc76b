package dev.strata.cli;

import dev.strata.scanner.testing.FaultProxy;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.RegistryServer;
import dev.strata.scanner.testing.TestCertificates;
import dev.strata.scanner.testing.TokenServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authenticated pulls from the real registry: htpasswd Basic auth, token auth with a token server written
 * here, credentials from options, a Docker config file, the environment and a credential helper; TLS with
 * an extra CA; redirects to another host never carry {@code Authorization}.
 */
class RegistryAuthTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret:with colon";

    @TempDir
    static Path shared;
    static Vertx vertx;
    static RegistryServer basic;
    static RegistryServer token;
    static RegistryServer tls;
    static TokenServer tokens;
    static TestCertificates.Pair ca;
    static ImageFixtures.Image image;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        image = RegistryTestImages.small();
        Path layout = shared.resolve("layout");
        ImageFixtures.layout().add(image, "img").writeDirectory(layout);
        String creds = USER + ":" + PASSWORD;

        Path htpasswd = shared.resolve("htpasswd");
        Files.writeString(htpasswd, RegistryServer.run(List.of("htpasswd", "-Bbn", USER, PASSWORD)).strip() + "\n");
        basic = RegistryServer.start(shared.resolve("basic"), "auth:\n  htpasswd:\n    realm: strata-test\n    path: "
                + htpasswd + "\n");
        basic.push("oci:" + layout + ":img", "small/app:1", "--dest-creds", creds);

        TokenRegistry started = TokenRegistry.start(vertx, shared, "oci:" + layout + ":img", USER, PASSWORD);
        tokens = started.tokens();
        token = started.registry();

        ca = TestCertificates.selfSigned(shared.resolve("ca"), "strata-test-ca");
        TestCertificates.Pair server = TestCertificates.server(shared.resolve("ca"), ca);
        tls = RegistryServer.startTls(shared.resolve("tls"), server.cert(), server.key());
        tls.push("oci:" + layout + ":img", "small/app:1");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{basic, token, tls, tokens}) {
            if (c != null) {
                c.close();
            }
        }
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private CliRun scan(String reference, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--skip-db", "--data", tmp.resolve("data").toString(), "--format",
                "json"));
        args.addAll(List.of(extra));
        args.add(reference);
        return CliRun.run(args.toArray(String[]::new));
    }

    private void assertOk(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(image.manifestDigest().toString());
    }

    private static void assertError(CliRun run, String expected) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("strata: error: ").contains(expected);
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    void basicAuthNeedsTheRightCredentials() {
        String ref = basic.host() + "/small/app:1";
        assertError(scan(ref), "requires credentials");
        assertError(scan(ref, "--username", USER, "--password", "wrong"),
                "refused the credentials of user 'alice'");
        assertThat(Files.exists(tmp.resolve("data/blobs/sha256"))
                && tmp.resolve("data/blobs/sha256").toFile().list().length > 0).isFalse();
        assertOk(scan(ref, "--username", USER, "--password", PASSWORD));
    }

    @Test
    void credentialsFromADockerConfigFile() throws Exception {
        Path config = tmp.resolve("config.json");
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(config, "{\"auths\":{\"" + basic.host() + "\":{\"auth\":\"" + auth + "\"}}}");
        assertOk(scan(basic.host() + "/small/app:1", "--auth-file", config.toString()));
    }

    @Test
    void tokenAuthFetchesOneTokenPerScope() {
        int before = tokens.scopes().size();
        assertOk(scan(token.host() + "/small/app:1", "--username", USER, "--password", PASSWORD));
        // manifest, config and two layers: one token for the pull scope, reused
        assertThat(tokens.scopes().subList(before, tokens.scopes().size()))
                .containsExactly("repository:small/app:pull");
    }

    @Test
    void tokenAuthRefusals() {
        assertError(scan(token.host() + "/small/app:1", "--username", USER, "--password", "nope"),
                "token server 127.0.0.1:");
        assertError(scan(token.host() + "/small/app:1", "--username", USER, "--password", "nope"),
                "refused the credentials of user 'alice' for repository:small/app:pull (401)");
        assertError(scan(token.host() + "/small/app:1"), "refused anonymous access");
    }

    @Test
    void redirectsToAnotherHostDoNotCarryAuthorization() throws Exception {
        String basicHeader = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        // the "storage" host needs no client credentials, as a signed redirect URL would not
        try (FaultProxy storage = FaultProxy.start(vertx, "http://" + basic.host(), Map.of("Authorization", basicHeader),
                "127.0.0.2");
             FaultProxy front = FaultProxy.start(vertx, "http://" + basic.host())) {
            front.on(s -> s.path().contains("/blobs/"), -1, FaultProxy.redirectTo("http://" + storage.host()));
            assertOk(scan(front.host() + "/small/app:1", "--username", USER, "--password", PASSWORD));
            List<FaultProxy.Seen> redirected = front.seen().stream().filter(s -> s.path().contains("/blobs/")).toList();
            assertThat(redirected).isNotEmpty().allSatisfy(s -> assertThat(s.header("authorization")).isEqualTo(basicHeader));
            List<FaultProxy.Seen> followed = storage.seen();
            assertThat(followed).hasSameSizeAs(redirected)
                    .allSatisfy(s -> assertThat(s.header("authorization")).isNull());
        }
    }

    @Test
    void tlsWithAnExtraCa() throws Exception {
        String ref = tls.host() + "/small/app:1";
        assertOk(scan(ref, "--ca-cert", ca.cert().toString()));
        TestCertificates.Pair other = TestCertificates.selfSigned(tmp.resolve("other"), "other-ca");
        assertError(scan(ref, "--ca-cert", other.cert().toString(), "--retries", "0"), "TLS failure with " + tls.host());
    }

    @Test
    void environmentAndCredentialHelperInAFreshProcess() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path helper = bin.resolve("docker-credential-strata-test");
        Files.writeString(helper, "#!/bin/sh\nread server\n[ \"$server\" = \"" + basic.host() + "\" ] || exit 1\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + USER + "\",\"Secret\":\"" + PASSWORD + "\"}' \"$server\"\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dockerDir = Files.createDirectories(tmp.resolve("docker"));
        Files.writeString(dockerDir.resolve("config.json"), "{\"credHelpers\":{\"" + basic.host() + "\":\"strata-test\"}}");
        Map<String, String> env = Map.of("DOCKER_CONFIG", dockerDir.toString(),
                "PATH", bin + ":" + System.getenv("PATH"));
        Run viaHelper = strata(env, "scan", "--skip-db", "--data", tmp.resolve("d1").toString(), basic.host() + "/small/app:1");
        assertThat(viaHelper.code()).as(viaHelper.err()).isZero();
        assertThat(viaHelper.out()).contains(image.manifestDigest().toString());
        Map<String, String> withEnv = new java.util.HashMap<>(env);
        withEnv.put("STRATA_REGISTRY_USERNAME", "bob");
        withEnv.put("STRATA_REGISTRY_PASSWORD", "x");
        Run viaEnv = strata(withEnv, "scan", "--skip-db", "--data", tmp.resolve("d2").toString(), basic.host() + "/small/app:1");
        assertThat(viaEnv.code()).isEqualTo(2);
        assertThat(viaEnv.err()).contains("refused the credentials of user 'bob'");
    }

    private record Run(int code, String out, String err) {
    }

    private Run strata(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.strata.cli.StrataCli"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().putAll(env);
        pb.environment().remove("STRATA_DATA");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }
}
