package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.index.advisory.AdvisoryImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.strata.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Scan jobs matched against the data directory's vulnerability database (samples/advisories), or warned without one. */
class ScanVulnerabilitiesApiTest {
    static final Path SAMPLES = Path.of(System.getProperty("strata.samples", "../samples"));
    static final Path DEMO = SAMPLES.resolve("demo/demo.tar");
    static final Path ADVISORIES = SAMPLES.resolve("advisories");

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.startOpenWithLocalPaths(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private JsonNode scanReport() throws Exception {
        JsonNode job = server.scan("docker-archive:" + DEMO.toAbsolutePath());
        JsonNode done = server.await(job.get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        return json(server.get("/api/v1/scans/" + job.get("id").asText() + "/report"));
    }

    private static List<String> ids(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("vulnerabilities").forEach(f -> out.add(f.get("id").asText() + " " + f.get("severity").asText()));
        return out;
    }

    @Test
    void sarifAndJunitCarryTheMatchedFindings() throws Exception {
        new AdvisoryImporter(server.data).importFiles(List.of(ADVISORIES));
        JsonNode report = scanReport();
        String id = (server.scan("docker-archive:" + DEMO.toAbsolutePath())).get("id").asText();

        JsonNode sarif = json(server.get("/api/v1/scans/" + id + "/report?format=sarif"));
        JsonNode run = sarif.at("/runs/0");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("strata");
        List<String> results = new ArrayList<>();
        run.get("results").forEach(r -> results.add(r.get("ruleId").asText()));
        List<String> expected = new ArrayList<>();
        report.get("vulnerabilities").forEach(f -> expected.add(f.get("id").asText()));
        assertThat(results).hasSize(8).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(run.at("/tool/driver/rules").toString()).contains("security-severity");

        String junit = server.get("/api/v1/scans/" + id + "/report?format=junit").bodyAsString();
        assertThat(junit).contains("failures=\"0\"") // no gate threshold through the API: nothing fails
                .contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1").contains("GHSA-jfh8-c2jp-5v3q");

        JsonNode cyclonedx = json(server.get("/api/v1/scans/" + id + "/report?format=cyclonedx"));
        assertThat(cyclonedx.get("vulnerabilities")).hasSize(8);
    }

    @Test
    void withoutADatabaseTheReportWarnsThenAnImportedOneIsMatchedFromStoredPackages() throws Exception {
        JsonNode bare = scanReport();
        assertThat(bare.get("vulnerabilities")).isEmpty();
        assertThat(bare.has("vulnerabilityDb")).isFalse();
        assertThat(bare.get("warnings").toString()).contains("no vulnerability database on the server");
        assertThat(bare.at("/stats/layersRead").asInt()).isEqualTo(4);

        new AdvisoryImporter(server.data).importFiles(List.of(ADVISORIES));
        JsonNode matched = scanReport();
        assertThat(matched.at("/stats/layersRead").asInt()).as("matched from stored packages").isZero();
        assertThat(matched.at("/vulnerabilityDb/generation").asText()).isEqualTo("gen-1");
        assertThat(matched.get("warnings").toString()).doesNotContain("no vulnerability database");
        assertThat(ids(matched)).containsExactly("GHSA-7rjr-3q55-vv33 CRITICAL", "GHSA-jfh8-c2jp-5v3q CRITICAL",
                "GHSA-xvch-5gv4-984h CRITICAL", "GHSA-35jh-r3h4-6jhm HIGH", "GHSA-p6mc-m468-83gw HIGH",
                "GHSA-p6xc-xr62-6r2g HIGH", "GHSA-29mw-wpgm-hmr9 MEDIUM", "CVE-2023-45853 UNKNOWN");
        assertThat(matched.at("/vulnerabilitySummary/CRITICAL").asInt()).isEqualTo(3);

        // the stored, matched result is answered at once while the database stays the same
        JsonNode again = server.scan("docker-archive:" + DEMO.toAbsolutePath());
        assertThat(again.get("status").asText()).isEqualTo("done");
        JsonNode stored = json(server.get("/api/v1/scans/" + again.get("id").asText() + "/report"));
        assertThat(ids(stored)).isEqualTo(ids(matched));
        assertThat(stored.get("vulnerabilityDb")).isEqualTo(matched.get("vulnerabilityDb"));

        // a new generation is not served from the store: the job matches again, still reading no layer
        new AdvisoryImporter(server.data).importFiles(List.of(ADVISORIES.resolve("osv/GHSA-vh95-rmgr-6w4m.json")));
        JsonNode queued = server.scan("docker-archive:" + DEMO.toAbsolutePath());
        assertThat(queued.get("status").asText()).isIn("queued", "running");
        JsonNode rematched = json(server.get("/api/v1/scans/" + server.await(queued.get("id").asText()).get("id")
                .asText() + "/report"));
        assertThat(rematched.at("/vulnerabilityDb/generation").asText()).isEqualTo("gen-2");
        assertThat(rematched.at("/stats/layersRead").asInt()).isZero();
        assertThat(ids(rematched)).isEqualTo(ids(matched));
    }
}
