package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.index.advisory.AdvisoryImporter;
import dev.strata.scanner.testing.RegistryServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.strata.server.TestServer.assertError;
import static dev.strata.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/scans} of images in the real registry (Debian's {@code docker-registry}): a scan matched
 * against the demo advisories, the host rules on the registry named, and on where the registry redirects blob
 * downloads (a second registry process over the same storage, with the {@code redirect} storage middleware).
 */
class RegistryScanApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static RegistryServer registry;
    static String demoDigest;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = RegistryServer.start(shared.resolve("registry"), null);
        registry.push("docker-archive:" + ScanVulnerabilitiesApiTest.DEMO.toAbsolutePath(), "demo/app:1");
        demoDigest = JSON.readTree(RegistryServer.run(List.of("skopeo", "inspect", "--tls-verify=false",
                "docker://" + registry.host() + "/demo/app:1"))).get("Digest").asText();
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        registry.close();
    }

    @Test
    void theServiceScansAnImageFromTheRegistryAndMatchesIt() throws Exception {
        try (TestServer server = TestServer.start(tmp, "allowLocalPaths: false\n")) {
            new AdvisoryImporter(server.data).importFiles(List.of(ScanVulnerabilitiesApiTest.ADVISORIES));
            JsonNode job = server.scan(registry.host() + "/demo/app:1");
            JsonNode done = server.await(job.get("id").asText());
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
            assertThat(done.get("digest").asText()).isEqualTo(demoDigest);
            assertThat(done.at("/progress/layersDone").asInt()).isEqualTo(4);
            JsonNode report = json(server.get("/api/v1/scans/" + job.get("id").asText() + "/report"));
            assertThat(report.at("/image/reference").asText()).isEqualTo(registry.host() + "/demo/app:1");
            assertThat(report.at("/stats/layersRead").asInt()).isEqualTo(4);
            assertThat(report.get("vulnerabilities")).hasSize(8);
            assertThat(report.at("/vulnerabilitySummary/CRITICAL").asInt()).isEqualTo(3);
        }
    }

    @Test
    void theHostRulesApplyToTheRegistryNamed() throws Exception {
        try (TestServer server = TestServer.start(tmp, "registries:\n  deny: [\"127.0.0.1\"]\n")) {
            var r = server.post("/api/v1/scans", "{\"image\": \"" + registry.host() + "/demo/app:1\"}");
            assertError(r, 403, "reference_refused");
            assertThat(json(r).at("/error/message").asText()).contains("127.0.0.1").contains("denied");
        }
        try (TestServer server = TestServer.start(java.nio.file.Files.createDirectories(tmp.resolve("allow")), "registries:\n  allow: [\"registry.example\"]\n")) {
            assertError(server.post("/api/v1/scans", "{\"image\": \"" + registry.host() + "/demo/app:1\"}"),
                    403, "reference_refused");
        }
    }

    @Test
    void aRedirectToTheCloudMetadataAddressIsRefusedBeforeAnyConnection() throws Exception {
        // the same storage behind a registry that sends every blob download to the metadata address
        try (RegistryServer redirecting = RegistryServer.start(shared.resolve("registry"), "middleware:\n  storage:\n"
                + "    - name: redirect\n      options:\n        baseurl: http://169.254.169.254/latest/\n");
             TestServer server = TestServer.start(tmp, "allowLocalPaths: false\n")) {
            JsonNode job = server.scan(redirecting.host() + "/demo/app:1");
            long t0 = System.nanoTime();
            JsonNode failed = server.await(job.get("id").asText());
            assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.at("/error/code").asText()).isEqualTo("reference_refused");
            assertThat(failed.at("/error/message").asText()).contains("169.254.169.254")
                    .contains("link-local or cloud metadata");
            assertThat(failed.at("/progress/layersDone").asInt()).isZero();
            // refused, not timed out: no connection to the unroutable address was attempted (connect timeout 30 s)
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
            assertThat(server.get("/api/v1/images").bodyAsString()).doesNotContain(demoDigest);
        }
    }
}
