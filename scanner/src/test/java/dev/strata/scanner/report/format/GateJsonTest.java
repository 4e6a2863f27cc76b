package dev.strata.scanner.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GateJsonTest {

    private static JsonNode json() throws Exception {
        Map<String, Object> report = Map.of("reportVersion", 3, "image", Map.of("reference", FormatFixtures.IMAGE));
        return new ObjectMapper().readTree(GateJson.write(report, FormatFixtures.gate()));
    }

    @Test
    void suppressedFindingsStayWithTheRuleThatSuppressedThem() throws Exception {
        JsonNode vulns = json().path("vulnerabilities");
        assertThat(vulns).hasSize(7);
        JsonNode log4j = vulns.get(0);
        assertThat(log4j.path("id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.path("packagePurl").asText()).isEqualTo(dev.strata.scanner.gate.GateFixtures.LOG4J);
        assertThat(log4j.path("suppressedBy").path("kind").asText()).isEqualTo("vex");
        assertThat(log4j.path("suppressedBy").path("source").asText()).isEqualTo("vex/api.openvex.json");
        assertThat(log4j.path("suppressedBy").path("justification").asText())
                .isEqualTo("vulnerable_code_not_in_execute_path");
        JsonNode zlib = vulns.get(1).path("suppressedBy");
        assertThat(zlib.path("kind").asText()).isEqualTo("ignore");
        assertThat(zlib.path("source").asText()).isEqualTo(".strataignore.yaml:3");
        assertThat(zlib.path("reason").asText()).isEqualTo("MiniZip is not built into Debian's zlib1g");
        assertThat(zlib.path("expires").asText()).isEqualTo("2027-03-31");
        assertThat(vulns.get(2).has("suppressedBy")).isFalse();
    }

    @Test
    void gateSectionAndSummaryOfTheRemainingFindings() throws Exception {
        JsonNode json = json();
        assertThat(json.path("image").path("reference").asText()).isEqualTo(FormatFixtures.IMAGE);
        JsonNode summary = json.path("vulnerabilitySummary");
        assertThat(summary.path("CRITICAL").asLong()).isZero();
        assertThat(summary.path("HIGH").asLong()).isEqualTo(2);
        JsonNode gate = json.path("gate");
        assertThat(gate.path("failOn").asText()).isEqualTo("HIGH");
        assertThat(gate.path("failed").asBoolean()).isTrue();
        assertThat(gate.path("failing").path("HIGH").asLong()).isEqualTo(2);
        assertThat(gate.path("suppressed").asLong()).isEqualTo(2);
        assertThat(gate.path("verdict").asText()).startsWith("FAIL: 2 HIGH at or above HIGH");
        assertThat(gate.path("expiredIgnores").get(0).path("source").asText()).isEqualTo(".strataignore.yaml:7");
        assertThat(gate.path("expiredIgnores").get(0).path("expires").asText()).isEqualTo("2026-10-01");
    }
}
