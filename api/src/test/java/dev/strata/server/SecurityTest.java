package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.strata.server.TestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityTest {
    static final String SCAN = "scan-token-0123456789";
    static final String READ = "read-token-0123456789";
    static final String TOKENS = "auth:\n  tokens:\n"
            + "    - {name: ci, token: " + SCAN + ", role: scan}\n"
            + "    - {name: viewer, token: " + READ + ", role: read}\n";

    @TempDir
    Path tmp;

    @Test
    void tokensAndRolesGuardEveryRouteButHealth() throws Exception {
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        try (TestServer server = TestServer.start(tmp, TOKENS + "allowLocalPaths: true\n")) {
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            for (String path : new String[] {"/metrics", "/api/v1/images", "/api/v1/openapi.yaml", "/api/v1/scans/x"}) {
                var r = server.get(path);
                assertError(r, 401, "unauthorized");
                assertThat(r.getHeader("WWW-Authenticate")).startsWith("Bearer");
            }
            server.token = "wrong-token-0123456789";
            assertError(server.get("/api/v1/images"), 401, "unauthorized");

            server.token = READ;
            assertThat(server.get("/api/v1/images").statusCode()).isEqualTo(200);
            assertThat(server.get("/metrics").statusCode()).isEqualTo(200);
            assertError(server.post("/api/v1/scans", "{\"image\": \"docker-archive:" + tmp.resolve("a.tar") + "\"}"),
                    403, "forbidden");
            assertError(server.send(HttpMethod.DELETE, "/api/v1/images/sha256:ab", null), 403, "forbidden");

            server.token = SCAN;
            JsonNode job = server.await(server.scan("docker-archive:" + tmp.resolve("a.tar")).get("id").asText());
            assertThat(job.get("status").asText()).isEqualTo("done");
        }
    }

    @Test
    void localPathsAreOffUnlessConfigured() throws Exception {
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        try (TestServer server = TestServer.start(tmp, "{}\n")) {
            for (String ref : new String[] {"docker-archive:" + tmp.resolve("a.tar"), tmp.resolve("a.tar").toString(),
                    "oci:" + tmp}) {
                assertError(server.post("/api/v1/scans", "{\"image\": \"" + ref + "\"}"), 403, "reference_refused");
            }
            // text that reads as a registry name but is a file next to the server: refused once parsed
            Files.copy(tmp.resolve("a.tar"), Path.of("strata-security-test.tar"));
            try {
                assertError(server.post("/api/v1/scans", "{\"image\": \"strata-security-test.tar\"}"), 403,
                        "reference_refused");
            } finally {
                Files.deleteIfExists(Path.of("strata-security-test.tar"));
            }
            assertThat(server.get("/api/v1/images").bodyAsString()).contains("\"images\":[]");
        }
    }

    @Test
    void metadataAndDeniedRegistryHostsAreRefused() throws Exception {
        try (TestServer server = TestServer.start(tmp, "registries:\n  deny: [evil.example]\n")) {
            for (String ref : new String[] {"169.254.169.254/latest/meta-data:x", "[fd00:ec2::254]/app:1",
                    "evil.example/app:1"}) {
                assertError(server.post("/api/v1/scans", "{\"image\": \"" + ref + "\"}"), 403, "reference_refused");
            }
        }
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        TestImages.dockerArchive(tmp.resolve("big.tar"), "big", TestImages.bigLayer(48, 7));
        TestImages.dockerArchive(tmp.resolve("b.tar"), "b");
        try (TestServer server = TestServer.start(tmp,
                "allowLocalPaths: true\nscans: {concurrency: 1, queue: 1}\n")) {
            String first = server.scan("docker-archive:" + tmp.resolve("big.tar")).get("id").asText();
            var r = server.post("/api/v1/scans", "{\"image\": \"docker-archive:" + tmp.resolve("b.tar") + "\"}");
            assertError(r, 429, "queue_full");
            assertThat(r.getHeader("Retry-After")).matches("\\d+");
            assertThat(server.await(first).get("status").asText()).isEqualTo("done");
            assertThat(server.scan("docker-archive:" + tmp.resolve("b.tar")).get("status").asText())
                    .isIn("queued", "running", "done");
        }
    }

    @Test
    void aNonLoopbackAddressWithoutTokensRefusesToStart() throws Exception {
        ServerConfig config = ServerConfig.defaults().withListen("0.0.0.0", 0, tmp.resolve("data"));
        assertThatThrownBy(() -> StrataServer.start(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0 without API tokens");
        assertThat(tmp.resolve("data")).doesNotExist();
        Files.writeString(tmp.resolve("weak.yaml"), "auth:\n  tokens: [{name: x, token: short, role: scan}]\n");
        assertThatThrownBy(() -> ServerConfig.load(tmp.resolve("weak.yaml")).validate())
                .hasMessageContaining("at least 16 characters");
        Files.writeString(tmp.resolve("typo.yaml"), "prot: 9000\n");
        assertThatThrownBy(() -> ServerConfig.load(tmp.resolve("typo.yaml"))).hasMessageContaining("typo.yaml")
                .hasMessageContaining("prot");
    }

    @Test
    void noMoreScansRunAtOnceThanConfigured() throws Exception {
        for (int n = 0; n < 3; n++) {
            TestImages.dockerArchive(tmp.resolve("c" + n + ".tar"), "c" + n, TestImages.bigLayer(32, 20 + n));
        }
        try (TestServer server = TestServer.start(tmp, "allowLocalPaths: true\nscans: {concurrency: 1, queue: 8}\n")) {
            java.util.List<String> ids = new java.util.ArrayList<>();
            for (int n = 0; n < 3; n++) {
                ids.add(server.scan("docker-archive:" + tmp.resolve("c" + n + ".tar")).get("id").asText());
            }
            // Judge from the jobs' own timestamps, not by polling (a loaded machine can miss short states):
            // with one scan at a time, no two [startedAt, finishedAt] intervals overlap.
            java.util.List<com.fasterxml.jackson.databind.JsonNode> jobs = new java.util.ArrayList<>();
            for (String id : ids) {
                jobs.add(server.await(id));
            }
            jobs.sort(java.util.Comparator.comparing(j -> java.time.Instant.parse(j.get("startedAt").asText())));
            for (int n = 1; n < jobs.size(); n++) {
                java.time.Instant previousEnd = java.time.Instant.parse(jobs.get(n - 1).get("finishedAt").asText());
                assertThat(java.time.Instant.parse(jobs.get(n).get("startedAt").asText()))
                        .isAfterOrEqualTo(previousEnd);
            }
            // and the queue really held a job while another ran: the last one was accepted before the first ended
            assertThat(java.time.Instant.parse(jobs.get(2).get("createdAt").asText()))
                    .isBefore(java.time.Instant.parse(jobs.get(0).get("finishedAt").asText()));
            for (String id : ids) {
                assertThat(TestServer.json(server.get("/api/v1/scans/" + id)).get("status").asText()).isEqualTo("done");
            }
        }
    }
}
