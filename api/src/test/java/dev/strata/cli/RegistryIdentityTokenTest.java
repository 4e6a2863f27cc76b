package dev.strata.cli;

import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.RegistryServer;
import dev.strata.scanner.testing.TokenServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity (OAuth2 refresh) tokens against the real registry in token-auth mode: from {@code identitytoken} in
 * a Docker config file and from a credential helper answering {@code Username "<token>"} (a real script on
 * PATH, in a fresh process); the token comes from the refresh-token POST grant, or from GET when the token
 * server has no POST endpoint.
 */
class RegistryIdentityTokenTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "pw";

    @TempDir
    static Path shared;
    static Vertx vertx;
    static RegistryServer registry;
    static TokenServer tokens;
    static ImageFixtures.Image image;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        image = RegistryTestImages.small();
        Path layout = shared.resolve("layout");
        ImageFixtures.layout().add(image, "img").writeDirectory(layout);
        TokenRegistry started = TokenRegistry.start(vertx, shared, "oci:" + layout + ":img", USER, PASSWORD);
        tokens = started.tokens();
        registry = started.registry();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{registry, tokens}) {
            if (c != null) {
                c.close();
            }
        }
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private Path config(String entry) throws Exception {
        Path file = tmp.resolve("config.json");
        Files.writeString(file, "{\"auths\":{\"" + registry.host() + "\":" + entry + "}}");
        return file;
    }

    private CliRun scan(Path authFile) {
        return CliRun.run("scan", "--skip-db", "--data", tmp.resolve("data").toString(), "--format", "json",
                "--auth-file", authFile.toString(), registry.host() + "/small/app:1");
    }

    private List<String> requestsSince(int before) {
        List<String> all = tokens.requests();
        return all.subList(before, all.size());
    }

    @Test
    void identityTokenFromTheConfigFileUsesTheRefreshGrant() throws Exception {
        tokens.withRefreshTokens("rt-config", true);
        int before = tokens.requests().size();
        CliRun run = scan(config("{\"auth\":\"\",\"identitytoken\":\"rt-config\"}"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(image.manifestDigest().toString());
        assertThat(requestsSince(before)).containsExactly("POST refresh_token");
        assertThat(tokens.refreshToken()).isNotEqualTo("rt-config");
    }

    @Test
    void aRefusedIdentityTokenIsOneLine() throws Exception {
        tokens.withRefreshTokens("rt-valid", true);
        CliRun run = scan(config("{\"identitytoken\":\"rt-revoked\"}"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("strata: error: ")
                .contains("refused the identity token for repository:small/app:pull (401)");
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("rt-revoked");
        assertThat(RegistryTestImages.blobFiles(tmp.resolve("data"))).isEmpty();
    }

    @Test
    void withoutAPostEndpointTheTokenIsFetchedWithGet() throws Exception {
        tokens.withRefreshTokens("rt-get", false);
        int before = tokens.requests().size();
        CliRun run = scan(config("{\"username\":\"" + USER + "\",\"identitytoken\":\"rt-get\"}"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(requestsSince(before)).containsExactly("POST refresh_token", "GET basic");
    }

    @Test
    void aCredentialHelperAnsweringTokenUsernameGivesAnIdentityToken() throws Exception {
        tokens.withRefreshTokens("rt-helper", true);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path helper = bin.resolve("docker-credential-strata-oauth");
        Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 1\nread server\n[ \"$server\" = \""
                + registry.host() + "\" ] || { echo 'credentials not found in native keychain'; exit 1; }\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"<token>\",\"Secret\":\"rt-helper\"}' \"$server\"\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dockerDir = Files.createDirectories(tmp.resolve("docker"));
        Files.writeString(dockerDir.resolve("config.json"), "{\"credsStore\":\"strata-oauth\"}");
        int before = tokens.requests().size();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.strata.cli.StrataCli", "pull", "--data",
                tmp.resolve("d").toString(), registry.host() + "/small/app:1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().putAll(Map.of("DOCKER_CONFIG", dockerDir.toString(), "PATH", bin + ":" + System.getenv("PATH")));
        pb.environment().remove("STRATA_DATA");
        pb.environment().remove("STRATA_REGISTRY_USERNAME");
        pb.environment().remove("STRATA_REGISTRY_PASSWORD");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();
        assertThat(Files.readString(tmp.resolve("out.txt"))).contains(image.manifestDigest().toString());
        assertThat(requestsSince(before)).containsExactly("POST refresh_token");
        assertThat(tokens.refreshToken()).isNotEqualTo("rt-helper");
    }
}
