package dev.strata.scanner.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.gate.GateEvaluator;
import dev.strata.scanner.gate.GateFixtures;
import dev.strata.scanner.gate.GatePolicy;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.gate.IgnoreRule;
import dev.strata.scanner.gate.VexMatcher;
import dev.strata.scanner.gate.VexStatement;
import dev.strata.scanner.gate.VexStatus;
import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.PackageType;
import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.FindingStatus;
import dev.strata.scanner.vuln.match.Severity;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class CycloneDxVulnerabilitiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAYER = SbomFixtures.L2;
    private static final String JACKSON_PATH = "/usr/share/java/jackson-databind.jar";
    private static final String JACKSON = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.14.0";
    private static final String LODASH = "pkg:npm/lodash@4.17.21";

    /** Findings against the SBOM fixture's packages: jackson (VEX not_affected), lodash twice, libc6 (ignored). */
    private static List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        out.add(new Finding("GHSA-57j2-w4cx-62h2", List.of("CVE-2022-42003"), JACKSON,
                "com.fasterxml.jackson.core:jackson-databind", "2.14.0", "2.14.1", FindingStatus.FIXED, Severity.HIGH,
                "Deeply nested arrays cause resource exhaustion", LAYER, JACKSON_PATH));
        out.add(new Finding("GHSA-29mw-wpgm-hmr9", List.of("CVE-2020-28500"), LODASH, "lodash", "4.17.21", null,
                FindingStatus.UNFIXED, Severity.MEDIUM, "Regular Expression Denial of Service in lodash",
                SbomFixtures.L3, "/app/node_modules/lodash/package.json"));
        out.add(new Finding("GHSA-29mw-wpgm-hmr9", List.of("CVE-2020-28500"), LODASH, "lodash", "4.17.21", null,
                FindingStatus.UNFIXED, Severity.MEDIUM, "Regular Expression Denial of Service in lodash",
                SbomFixtures.L3, "/app/node_modules/legacy-ui/node_modules/lodash/package.json"));
        out.add(new Finding("CVE-2023-4911", List.of(), "pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12",
                "libc6", "2.36-9+deb12u4", null, FindingStatus.WONT_FIX, Severity.HIGH,
                "buffer overflow in ld.so", SbomFixtures.L1, "/var/lib/dpkg/status"));
        return out;
    }

    private static JsonNode bom() throws Exception {
        VexStatement jackson = new VexStatement("CVE-2022-42003", List.of(),
                List.of("pkg:maven/com.fasterxml.jackson.core/jackson-databind"), List.of(), VexStatus.NOT_AFFECTED,
                "vulnerable_code_not_in_execute_path", null, null, "app.openvex.json", 0);
        IgnoreRule libc = new IgnoreRule("CVE-2023-4911", null, "libc6", List.of(), "no setuid binaries",
                LocalDate.of(2027, 1, 1), ".strataignore.yaml", 2);
        GateResult gate = new GateEvaluator(new GatePolicy(Severity.HIGH, Set.of()), List.of(libc),
                new VexMatcher(List.of(jackson), null), LocalDate.of(2026, 11, 27)).evaluate(findings());
        return JSON.readTree(new CycloneDxWriter().toJson(SbomFixtures.input(), gate.findings()));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void validAgainstTheCycloneDx16Schema() throws Exception {
        JsonNode bom = bom();
        assertThat(SchemaValidation.errors(SchemaValidation.CYCLONEDX_16, bom)).isEmpty();
        byte[] bytes = JSON.writeValueAsBytes(bom);
        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        assertThat(new JsonParser().parse(bytes).getVulnerabilities()).hasSize(3);
    }

    @Test
    void vulnerabilitiesPointAtTheComponentsAndCarryTheAnalysis() throws Exception {
        JsonNode bom = bom();
        List<String> refs = list(bom.path("components")).stream().map(c -> c.path("bom-ref").asText()).toList();
        List<JsonNode> vulns = list(bom.path("vulnerabilities"));
        assertThat(vulns).extracting(v -> v.path("id").asText())
                .containsExactly("GHSA-57j2-w4cx-62h2", "GHSA-29mw-wpgm-hmr9", "CVE-2023-4911");
        JsonNode jackson = vulns.get(0);
        assertThat(jackson.path("analysis").path("state").asText()).isEqualTo("not_affected");
        assertThat(jackson.path("analysis").path("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(jackson.path("analysis").path("detail").asText())
                .isEqualTo("VEX not_affected: vulnerable_code_not_in_execute_path [app.openvex.json]");
        assertThat(jackson.path("references").get(0).path("id").asText()).isEqualTo("CVE-2022-42003");
        assertThat(jackson.path("ratings").get(0).path("severity").asText()).isEqualTo("high");
        assertThat(jackson.path("recommendation").asText())
                .isEqualTo("Upgrade com.fasterxml.jackson.core:jackson-databind to 2.14.1 or later.");
        JsonNode lodash = vulns.get(1);
        List<String> lodashRefs = list(lodash.path("affects")).stream().map(a -> a.path("ref").asText()).toList();
        assertThat(lodashRefs).hasSize(2).allSatisfy(r -> assertThat(refs).contains(r));
        assertThat(lodash.path("analysis").path("state").asText()).isEqualTo("exploitable");
        assertThat(lodash.path("analysis").path("response").get(0).asText()).isEqualTo("can_not_fix");
        JsonNode libc = vulns.get(2);
        assertThat(libc.path("analysis").has("state")).isFalse();
        assertThat(libc.path("analysis").path("response").get(0).asText()).isEqualTo("will_not_fix");
        assertThat(libc.path("analysis").path("detail").asText())
                .isEqualTo("Ignored by .strataignore.yaml:2 until 2027-01-01: no setuid binaries");
        assertThat(refs).contains(libc.path("affects").get(0).path("ref").asText());
    }

    @Test
    void withoutFindingsTheBomIsTheSbom() throws Exception {
        String plain = new CycloneDxWriter().toJson(SbomFixtures.input());
        String empty = new CycloneDxWriter().toJson(SbomFixtures.input(), List.of());
        assertThat(JSON.readTree(empty).has("vulnerabilities")).isFalse();
        assertThat(empty).isEqualTo(plain);
    }

    @Test
    void openVexJustificationsMapToCycloneDxLabels() {
        assertThat(CycloneDxVulnerabilities.justification("component_not_present").getJustificationName())
                .isEqualTo("code_not_present");
        assertThat(CycloneDxVulnerabilities.justification("inline_mitigations_already_exist").getJustificationName())
                .isEqualTo("protected_by_mitigating_control");
        assertThat(CycloneDxVulnerabilities.justification("protected_at_runtime").getJustificationName())
                .isEqualTo("protected_at_runtime");
        assertThat(CycloneDxVulnerabilities.justification("made_up")).isNull();
    }
}
