package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.strata.index.advisory.AdvisoryImporter;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata scan --fail-on …} on the demo image against the demo advisory set (3 CRITICAL, 3 HIGH, 1 MEDIUM,
 * 1 UNKNOWN): every exit code, threshold edges, ignore entries with and without expiry, VEX, and every format.
 */
class ScanGateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEMO = ScanVulnerabilitiesTest.DEMO;
    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    private String data() {
        return tmp.resolve("data").toString();
    }

    @BeforeEach
    void importAdvisories() throws Exception {
        new AdvisoryImporter(Path.of(data())).importFiles(List.of(ScanVulnerabilitiesTest.ADVISORIES));
    }

    private CliRun scan(String... options) {
        List<String> args = new ArrayList<>(List.of("scan", "--data", data()));
        args.addAll(List.of(options));
        args.add(DEMO.toString());
        return CliRun.run(args.toArray(String[]::new));
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\\R");
        return lines[lines.length - 1];
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void failsWithOneAndTheVerdictAsLastStderrLine() {
        CliRun run = scan("--fail-on", "critical");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(run.err()).isEqualTo("FAIL: 3 CRITICAL at or above CRITICAL (5 below critical)" + NL);
        assertThat(run.out()).contains("CRITICAL (3)");
    }

    @Test
    void exactlyTheThresholdFailsAndJustBelowPasses() {
        CliRun high = scan("--fail-on", "HIGH", "--severity", "high,medium");
        assertThat(high.exitCode()).isEqualTo(1);
        assertThat(lastLine(high.err())).isEqualTo("FAIL: 3 HIGH at or above HIGH (1 below high)");

        CliRun below = scan("--fail-on", "high", "--severity", "medium,low,unknown");
        assertThat(below.exitCode()).isZero();
        assertThat(lastLine(below.err())).isEqualTo("PASS: no findings at or above HIGH (2 below high)");

        CliRun unknown = scan("--fail-on", "unknown", "--severity", "unknown", "--ignore-status", "unfixed");
        assertThat(unknown.exitCode()).isZero();
        assertThat(lastLine(unknown.err())).isEqualTo("PASS: no findings at or above UNKNOWN");
    }

    @Test
    void withoutFailOnTheScanPassesAndPrintsNoVerdict() {
        CliRun run = scan();
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void unexpiredIgnoreEntriesSuppressAndExpiredOnesAreReported() throws Exception {
        LocalDate today = LocalDate.now();
        Path ignore = write("ignore.yaml", """
                ignore:
                  - id: CVE-2021-44228          # alias of GHSA-jfh8-c2jp-5v3q
                    purl: pkg:maven/org.apache.logging.log4j/log4j-core
                    reason: JndiLookup removed from the jar
                    expires: %s
                  - id: GHSA-7rjr-3q55-vv33
                    paths: ["/app/lib/*.jar"]
                    reason: same fix as above
                  - id: GHSA-xvch-5gv4-984h
                    package: minimist
                    reason: only used by the build
                    expires: %s
                """.formatted(today, today.minusDays(1)));
        CliRun run = scan("--fail-on", "critical", "--ignore-file", ignore.toString(), "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("strata: warning: " + ignore + ":9: ignore entry for GHSA-xvch-5gv4-984h "
                + "expired on " + today.minusDays(1) + " and no longer suppresses" + NL
                + "FAIL: 1 CRITICAL at or above CRITICAL (5 below critical, 2 suppressed, 1 expired ignore entry)" + NL);
        JsonNode report = JSON.readTree(run.out());
        JsonNode log4shell = report.get("vulnerabilities").get(1);
        assertThat(log4shell.get("id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.at("/suppressedBy/kind").asText()).isEqualTo("ignore");
        assertThat(log4shell.at("/suppressedBy/source").asText()).isEqualTo(ignore + ":2");
        assertThat(log4shell.at("/suppressedBy/reason").asText()).isEqualTo("JndiLookup removed from the jar");
        assertThat(report.get("vulnerabilities").get(2).has("suppressedBy")).isFalse();
        assertThat(report.at("/vulnerabilitySummary/CRITICAL").asInt()).isEqualTo(1);
        assertThat(report.at("/gate/expiredIgnores/0/id").asText()).isEqualTo("GHSA-xvch-5gv4-984h");
        assertThat(report.at("/gate/failed").asBoolean()).isTrue();

        CliRun quiet = scan("--fail-on", "critical", "--ignore-file", ignore.toString(), "-q");
        assertThat(quiet.err()).isEqualTo(
                "FAIL: 1 CRITICAL at or above CRITICAL (5 below critical, 2 suppressed, 1 expired ignore entry)" + NL);
        assertThat(quiet.out()).contains("Suppressed (2)").contains("Expired ignore entries (1)");
    }

    @Test
    void vexStatementsSuppressWithTheirJustification() throws Exception {
        Path openVex = write("log4j.openvex.json", """
                {
                  "@context": "https://openvex.dev/ns/v0.2.0",
                  "@id": "https://openvex.dev/docs/public/strata-demo-log4j",
                  "author": "demo maintainers",
                  "timestamp": "2026-11-01T10:00:00Z",
                  "version": 1,
                  "statements": [
                    {"vulnerability": {"name": "CVE-2021-44228"},
                     "products": [{"@id": "pkg:oci/demo",
                                   "subcomponents": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core"}]}],
                     "status": "not_affected", "justification": "vulnerable_code_not_present",
                     "impact_statement": "JndiLookup.class is stripped at build time"},
                    {"vulnerability": {"name": "CVE-2021-45046"},
                     "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                     "status": "not_affected", "justification": "vulnerable_code_not_present"}
                  ]
                }
                """);
        Path cdx = write("minimist.cdx.json", """
                {
                  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                  "components": [{"type": "library", "bom-ref": "mm", "name": "minimist", "version": "1.2.5",
                                  "purl": "pkg:npm/minimist@1.2.5"}],
                  "vulnerabilities": [
                    {"id": "CVE-2021-44906",
                     "analysis": {"state": "not_affected", "justification": "code_not_reachable",
                                  "detail": "setKey is never called with user input"},
                     "affects": [{"ref": "mm"}]}
                  ]
                }
                """);
        CliRun run = scan("--fail-on", "critical", "--vex", openVex.toString(), "--vex", cdx.toString(),
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lastLine(run.err())).isEqualTo("PASS: no findings at or above CRITICAL (5 below critical, 3 suppressed)");
        JsonNode vulns = JSON.readTree(run.out()).get("vulnerabilities");
        assertThat(vulns.get(1).at("/suppressedBy/justification").asText()).isEqualTo("vulnerable_code_not_present");
        assertThat(vulns.get(1).at("/suppressedBy/impactStatement").asText())
                .isEqualTo("JndiLookup.class is stripped at build time");
        assertThat(vulns.get(2).at("/suppressedBy/source").asText()).isEqualTo(cdx.toString());
        assertThat(vulns.get(2).at("/suppressedBy/justification").asText()).isEqualTo("code_not_reachable");
    }

    @Test
    void severalFormatsAtOnceEachValid() throws Exception {
        Path sarif = tmp.resolve("out.sarif");
        Path junit = tmp.resolve("junit.xml");
        Path bom = tmp.resolve("bom.json");
        CliRun run = scan("--fail-on", "high", "--format", "sarif=" + sarif, "--format", "junit=" + junit,
                "--format", "cyclonedx=" + bom, "--format", "table");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Image     docker-archive:").contains("HIGH (3)");

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(
                SchemaLocation.of("classpath:dev/strata/scanner/report/format/sarif-schema-2.1.0.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        JsonNode log = JSON.readTree(sarif.toFile());
        assertThat(schema.validate(log)).isEmpty();
        assertThat(log.at("/runs/0/results")).hasSize(8);
        assertThat(log.at("/runs/0/tool/driver/rules")).hasSize(8);
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("app/lib/log4j-core-2.14.1.jar");

        byte[] cyclonedx = Files.readAllBytes(bom);
        assertThat(new JsonParser().validate(cyclonedx, Version.VERSION_16)).isEmpty();
        assertThat(JSON.readTree(cyclonedx).get("vulnerabilities")).hasSize(8);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(11); // one per package
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("3"); // log4j-core, lodash, minimist
    }

    @Test
    void errorsExitWithTwoNeverOne() throws Exception {
        Path broken = write("broken.yaml", "ignore:\n  - id: CVE-2021-44228\n    reason: r\n    expire: 2030-01-01\n");
        CliRun badIgnore = scan("--fail-on", "low", "--ignore-file", broken.toString());
        assertThat(badIgnore.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(badIgnore.err()).isEqualTo("strata: error: " + broken + ":2: unknown key 'expire' "
                + "(expected id, purl, package, paths, reason, expires)" + NL);
        assertThat(badIgnore.out()).isEmpty();
        assertThat(tmp.resolve("data/index")).doesNotExist(); // failed before the scan

        CliRun missingIgnore = scan("--fail-on", "low", "--ignore-file", tmp.resolve("nope.yaml").toString());
        assertThat(missingIgnore.exitCode()).isEqualTo(2);
        assertThat(missingIgnore.err()).contains("no such file: " + tmp.resolve("nope.yaml"));

        Path latin1 = Files.write(tmp.resolve("latin1.yaml"),
                "ignore:\n  - id: CVE-1\n    reason: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun notUtf8 = scan("--fail-on", "low", "--ignore-file", latin1.toString());
        assertThat(notUtf8.exitCode()).isEqualTo(2);
        assertThat(notUtf8.err()).isEqualTo("strata: error: ignore file " + latin1 + " is not UTF-8 text" + NL);

        CliRun directory = scan("--fail-on", "low", "--vex", tmp.toString());
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err()).isEqualTo("strata: error: VEX document " + tmp + " is a directory" + NL);

        Path notVex = write("sbom.json", "{\"spdxVersion\": \"SPDX-2.3\"}");
        CliRun badVex = scan("--fail-on", "low", "--vex", notVex.toString());
        assertThat(badVex.exitCode()).isEqualTo(2);
        assertThat(badVex.err()).startsWith("strata: error: " + notVex + ": neither an OpenVEX document");

        CliRun badSeverity = scan("--fail-on", "severe");
        assertThat(badSeverity.exitCode()).isEqualTo(2);
        assertThat(badSeverity.err()).contains("unknown severity 'severe'");

        CliRun badStatus = scan("--fail-on", "low", "--ignore-status", "wontfix");
        assertThat(badStatus.exitCode()).isEqualTo(2);
        assertThat(badStatus.err()).contains("unknown status 'wontfix'");

        CliRun badFormat = scan("--format", "html");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown format 'html'");

        CliRun twoToStdout = scan("--format", "json", "--format", "sarif");
        assertThat(twoToStdout.exitCode()).isEqualTo(2);
        assertThat(twoToStdout.err()).contains("only one format can go to stdout; give the others as --format FMT=FILE");

        CliRun skipDb = scan("--fail-on", "critical", "--skip-db");
        assertThat(skipDb.exitCode()).isEqualTo(2);
        assertThat(skipDb.err()).isEqualTo("strata: error: --fail-on needs vulnerability matching and cannot be "
                + "combined with --skip-db (a gate without a database would always pass)" + NL);

        CliRun missingImage = CliRun.run("scan", "--data", data(), "--fail-on", "low", tmp.resolve("none.tar").toString());
        assertThat(missingImage.exitCode()).isEqualTo(2);
        assertThat(missingImage.err()).startsWith("strata: error: ").doesNotContain("PASS").doesNotContain("FAIL");

        CliRun unwritable = scan("--fail-on", "critical", "--format", "sarif=" + tmp.resolve("no/such/dir/out.sarif"));
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.err()).startsWith("strata: error: ");
    }
}
