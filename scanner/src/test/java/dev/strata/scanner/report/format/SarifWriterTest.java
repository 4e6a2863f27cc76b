package dev.strata.scanner.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class SarifWriterTest {

    /** The official SARIF 2.1.0 schema (draft-04), see SOURCE.md beside it. */
    private static final JsonSchema SARIF = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
            .getSchema(SchemaLocation.of("classpath:dev/strata/scanner/report/format/sarif-schema-2.1.0.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode sarif() throws Exception {
        return JSON.readTree(new SarifWriter().toJson(FormatFixtures.report()));
    }

    private static List<String> errors(JsonNode doc) {
        return SARIF.validate(doc).stream().map(ValidationMessage::toString).sorted().toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void validAgainstTheOfficialSchema() throws Exception {
        JsonNode doc = sarif();
        assertThat(errors(doc)).isEmpty();
        assertThat(doc.path("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void schemaCatchesABrokenLog() throws Exception {
        ObjectNode doc = (ObjectNode) sarif();
        ObjectNode result = (ObjectNode) doc.path("runs").get(0).path("results").get(0);
        result.put("level", "fatal");
        result.remove("message");
        doc.put("version", "2.0.0");
        assertThat(errors(doc)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void oneRulePerAdvisoryWithHelpAndSecuritySeverity() throws Exception {
        JsonNode rules = sarif().path("runs").get(0).path("tool").path("driver").path("rules");
        assertThat(list(rules)).extracting(r -> r.path("id").asText()).containsExactly("GHSA-jfh8-c2jp-5v3q",
                "CVE-2023-45853", "GHSA-288c-cq4h-88gq", "CVE-2023-4911", "CVE-2024-0727", "CVE-2024-2511",
                "CVE-2025-0395");
        JsonNode log4j = rules.get(0);
        assertThat(log4j.path("name").asText()).isEqualTo("GhsaJfh8C2jp5v3q");
        assertThat(log4j.path("shortDescription").path("text").asText()).isEqualTo("Remote code injection in Log4j");
        assertThat(log4j.path("fullDescription").path("text").asText()).contains("also known as CVE-2021-44228");
        assertThat(log4j.path("help").path("text").asText()).contains("Severity: CRITICAL")
                .contains("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.path("helpUri").asText()).isEqualTo("https://github.com/advisories/GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.path("properties").path("security-severity").asText()).isEqualTo("9.5");
        assertThat(rules.get(3).path("properties").path("security-severity").asText()).isEqualTo("8.0");
        assertThat(rules.get(3).path("helpUri").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2023-4911");
        assertThat(rules.get(4).path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
    }

    @Test
    void resultsAreLocatedAtThePackagePathInTheImage() throws Exception {
        JsonNode results = sarif().path("runs").get(0).path("results");
        assertThat(results).hasSize(7);
        JsonNode jackson = results.get(2);
        assertThat(jackson.path("ruleId").asText()).isEqualTo("GHSA-288c-cq4h-88gq");
        assertThat(jackson.path("ruleIndex").asInt()).isEqualTo(2);
        assertThat(jackson.path("level").asText()).isEqualTo("error");
        JsonNode location = jackson.path("locations").get(0);
        assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("app/lib/jackson-databind-2.10.0.jar");
        assertThat(location.path("logicalLocations").get(0).path("name").asText()).isEqualTo(FormatFixtures.IMAGE);
        assertThat(jackson.path("message").path("text").asText()).isEqualTo("Package "
                + "com.fasterxml.jackson.core:jackson-databind 2.10.0 in image " + FormatFixtures.IMAGE
                + " (/app/lib/jackson-databind-2.10.0.jar) is affected by GHSA-288c-cq4h-88gq (HIGH); fixed in 2.10.5.1.");
        assertThat(jackson.has("suppressions")).isFalse();
        assertThat(results.get(0).path("partialFingerprints").path("strataFinding/v1").asText())
                .hasSize(32).isNotEqualTo(jackson.path("partialFingerprints").path("strataFinding/v1").asText());
    }

    @Test
    void suppressedResultsCarryTheJustification() throws Exception {
        JsonNode results = sarif().path("runs").get(0).path("results");
        JsonNode log4j = results.get(0).path("suppressions").get(0);
        assertThat(log4j.path("kind").asText()).isEqualTo("external");
        assertThat(log4j.path("justification").asText()).isEqualTo("VEX not_affected: "
                + "vulnerable_code_not_in_execute_path (JndiLookup removed at build time) [vex/api.openvex.json]");
        assertThat(results.get(1).path("suppressions").get(0).path("justification").asText())
                .isEqualTo("MiniZip is not built into Debian's zlib1g [.strataignore.yaml:3]");
    }

    @Test
    void pathsBecomeRelativeUris() {
        assertThat(SarifWriter.artifactUri("/usr/lib/x86_64-linux-gnu/libc.so.6")).isEqualTo("usr/lib/x86_64-linux-gnu/libc.so.6");
        assertThat(SarifWriter.artifactUri("/app/my app.jar!/BOOT-INF/lib/a.jar")).isEqualTo("app/my%20app.jar!/BOOT-INF/lib/a.jar");
        assertThat(SarifWriter.artifactUri(null)).isEqualTo(".");
    }
}
