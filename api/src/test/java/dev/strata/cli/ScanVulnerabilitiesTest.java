package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.index.advisory.AdvisoryImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata scan} matched against the offline demo advisory set: exact findings, filters, reuse, no database. */
class ScanVulnerabilitiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SAMPLES = Path.of(System.getProperty("strata.samples", "../samples"));
    static final Path DEMO = SAMPLES.resolve("demo/demo.tar");
    static final Path ADVISORIES = SAMPLES.resolve("advisories");

    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final String LODASH = "pkg:npm/lodash@4.17.15";
    private static final String MINIMIST = "pkg:npm/minimist@1.2.5";
    private static final String ZLIB = "pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12&epoch=1";

    /** The demo image's findings against samples/advisories: id, purl, fixed version, status, severity. */
    static final List<String> EXPECTED = List.of(
            "GHSA-7rjr-3q55-vv33 " + LOG4J + " 2.16.0 fixed CRITICAL",
            "GHSA-jfh8-c2jp-5v3q " + LOG4J + " 2.15.0 fixed CRITICAL",
            "GHSA-xvch-5gv4-984h " + MINIMIST + " 1.2.6 fixed CRITICAL",
            "GHSA-35jh-r3h4-6jhm " + LODASH + " 4.17.21 fixed HIGH",
            "GHSA-p6mc-m468-83gw " + LODASH + " 4.17.20 fixed HIGH",
            "GHSA-p6xc-xr62-6r2g " + LOG4J + " 2.17.0 fixed HIGH",
            "GHSA-29mw-wpgm-hmr9 " + LODASH + " 4.17.21 fixed MEDIUM",
            "CVE-2023-45853 " + ZLIB + " null unfixed UNKNOWN");

    @TempDir
    Path tmp;

    private String data() {
        return tmp.resolve("data").toString();
    }

    static List<String> findings(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("vulnerabilities").forEach(f -> out.add(f.get("id").asText() + " " + f.get("packagePurl").asText()
                + " " + f.get("fixedVersion").asText() + " " + f.get("status").asText() + " "
                + f.get("severity").asText()));
        return out;
    }

    private JsonNode scanJson(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("scan", "--data", data(), "--format", "json"));
        args.addAll(List.of(extra));
        args.add(DEMO.toString());
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void demoImageHasExactlyTheRealFindingsAndTheyAreReusedUntilTheDatabaseChanges() throws Exception {
        new AdvisoryImporter(Path.of(data())).importFiles(List.of(ADVISORIES));

        JsonNode report = scanJson();
        assertThat(findings(report)).containsExactlyElementsOf(EXPECTED);
        assertThat(report.at("/reportVersion").asInt()).isEqualTo(3);
        assertThat(report.at("/vulnerabilityDb/generation").asText()).isEqualTo("gen-1");
        assertThat(report.get("vulnerabilitySummary").toString())
                .isEqualTo("{\"CRITICAL\":3,\"HIGH\":3,\"MEDIUM\":1,\"LOW\":0,\"UNKNOWN\":1}");
        JsonNode log4shell = report.get("vulnerabilities").get(1);
        assertThat(log4shell.get("aliases").toString()).isEqualTo("[\"CVE-2021-44228\"]");
        assertThat(log4shell.get("title").asText()).isEqualTo("Remote code injection in Log4j");
        assertThat(log4shell.get("installedVersion").asText()).isEqualTo("2.14.1");
        assertThat(log4shell.get("path").asText()).isEqualTo("/app/lib/log4j-core-2.14.1.jar");
        assertThat(log4shell.get("layerDiffId").asText()).isEqualTo(report.at("/layers/1/diffId").asText());

        JsonNode again = scanJson();
        assertThat(again.at("/stats/layersRead").asInt()).isZero();
        assertThat(again.get("vulnerabilityDb")).isEqualTo(report.get("vulnerabilityDb"));
        assertThat(findings(again)).containsExactlyElementsOf(EXPECTED);

        // a new generation without the minimist advisory's package changes nothing else, but is matched again
        new AdvisoryImporter(Path.of(data())).importFiles(List.of(ADVISORIES.resolve("osv/GHSA-vh95-rmgr-6w4m.json")));
        JsonNode rematched = scanJson();
        assertThat(rematched.at("/stats/layersRead").asInt()).as("re-matched from stored packages").isZero();
        assertThat(rematched.at("/vulnerabilityDb/generation").asText()).isEqualTo("gen-2");
        assertThat(findings(rematched)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void severityAndIgnoreUnfixedFilterTheFindingsAndTheSummary() throws Exception {
        new AdvisoryImporter(Path.of(data())).importFiles(List.of(ADVISORIES));

        JsonNode critical = scanJson("--severity", "critical,high");
        assertThat(findings(critical)).containsExactlyElementsOf(EXPECTED.subList(0, 6));
        assertThat(critical.at("/vulnerabilitySummary/MEDIUM").asInt()).isZero();
        assertThat(critical.at("/vulnerabilitySummary/CRITICAL").asInt()).isEqualTo(3);

        JsonNode fixedOnly = scanJson("--ignore-unfixed", "--severity", "UNKNOWN,MEDIUM");
        assertThat(findings(fixedOnly)).containsExactly(EXPECTED.get(6));

        CliRun table = CliRun.run("scan", "--data", data(), DEMO.toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Vulnerabilities  8 (CRITICAL 3, HIGH 3, MEDIUM 1, LOW 0, UNKNOWN 1); database gen-1")
                .contains("CRITICAL (3)\nID ").contains("UNKNOWN (1)\n")
                .containsPattern("CVE-2023-45853 +zlib1g +1:1.2.13.dfsg-1 +unfixed +MiniZip in zlib");
        assertThat(table.out().indexOf("CRITICAL (3)")).isLessThan(table.out().indexOf("HIGH (3)"));

        CliRun bad = CliRun.run("scan", "--data", data(), "--severity", "SEVERE", DEMO.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(bad.err()).contains("unknown severity 'SEVERE'");
    }

    @Test
    void scanWithoutADatabaseFailsClearlyUnlessSkipped() throws Exception {
        CliRun run = CliRun.run("scan", "--data", data(), DEMO.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).isEqualTo("strata: error: no vulnerability database in " + tmp.resolve("data/vulndb")
                + ": run 'strata db import' or 'strata db update', or scan with --skip-db" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(tmp.resolve("data/index")).doesNotExist(); // failed before any layer was read

        JsonNode skipped = scanJson("--skip-db");
        assertThat(skipped.get("vulnerabilities")).isEmpty();
        assertThat(skipped.has("vulnerabilityDb")).isFalse();
        assertThat(skipped.has("vulnerabilitySummary")).isFalse();
        assertThat(Files.exists(tmp.resolve("data/vulndb/CURRENT"))).isFalse();
    }
}
