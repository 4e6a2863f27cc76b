package dev.strata.scanner.gate;

import dev.strata.scanner.vuln.match.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.strata.scanner.gate.GateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VexTest {

    private static List<VexStatement> openVex() {
        return VexParser.parse(TestResources.read("openvex-spring.json"), "openvex-spring.json", 0);
    }

    private static List<VexStatement> cycloneDx() {
        return VexParser.parse(TestResources.read("cyclonedx-vex.json"), "cyclonedx-vex.json", 100);
    }

    @Test
    void readsOpenVexStatements() {
        List<VexStatement> statements = openVex();
        assertThat(statements).hasSize(5);
        VexStatement log4j = statements.get(0);
        assertThat(log4j.vulnerability()).isEqualTo("CVE-2021-44228");
        assertThat(log4j.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4j.products()).containsExactly(LOG4J);
        assertThat(log4j.status()).isEqualTo(VexStatus.NOT_AFFECTED);
        assertThat(log4j.justification()).isEqualTo("vulnerable_code_not_in_execute_path");
        assertThat(log4j.timestamp()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(statements.get(1).subcomponents())
                .containsExactly("pkg:maven/com.fasterxml.jackson.core/jackson-databind");
        assertThat(statements.get(2).timestamp()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
    }

    @Test
    void readsTheOlderOpenVexShapeWithStrings() {
        List<VexStatement> statements = VexParser.parse(TestResources.read("openvex-v001.json"), "v001.json", 0);
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.vulnerability()).isEqualTo("CVE-2023-4911");
            assertThat(s.products()).containsExactly("pkg:deb/debian/libc6@2.36-9+deb12u3?arch=amd64");
            assertThat(s.status()).isEqualTo(VexStatus.FIXED);
        });
        VexMatcher matcher = new VexMatcher(statements, null);
        assertThat(matcher.decide(LOONEY_TUNABLES)).isPresent();
    }

    @Test
    void readsCycloneDxVexResolvingRefs() {
        List<VexStatement> statements = cycloneDx();
        assertThat(statements).extracting(VexStatement::vulnerability)
                .containsExactly("CVE-2023-45853", "CVE-2020-25649", "CVE-2024-0727");
        assertThat(statements.get(0).products()).containsExactly(ZLIB);
        assertThat(statements.get(0).justification()).isEqualTo("code_not_present");
        assertThat(statements.get(0).impactStatement()).isEqualTo("Debian does not build MiniZip into zlib1g.");
        assertThat(statements.get(1).products()).containsExactly(JACKSON);
        assertThat(statements.get(1).aliases()).containsExactly("GHSA-288c-cq4h-88gq");
        assertThat(statements.get(1).status()).isEqualTo(VexStatus.FIXED);
        assertThat(statements.get(2).status()).isEqualTo(VexStatus.AFFECTED);
        assertThat(statements.get(2).order()).isEqualTo(102);
    }

    @Test
    void openVexSuppressesNotAffectedAndLatestFixedButNotOtherQualifiersOrAffected() {
        VexMatcher matcher = new VexMatcher(openVex(), "sha256:abc");
        // not_affected for the exact purl, matched through the finding's alias
        assertThat(matcher.decide(LOG4SHELL)).get().extracting(VexStatement::status).isEqualTo(VexStatus.NOT_AFFECTED);
        // image product with a version-less subcomponent: the later "fixed" overrides "under_investigation"
        assertThat(matcher.decide(JACKSON_XXE)).get().extracting(VexStatement::status).isEqualTo(VexStatus.FIXED);
        // arm64 qualifier does not cover the amd64 package
        assertThat(matcher.decide(OPENSSL_PKCS12)).isEmpty();
        // version-less purl with a distro qualifier covers it, but "affected" does not suppress
        assertThat(matcher.decide(OPENSSL_SESSION)).get().extracting(VexStatement::status)
                .isEqualTo(VexStatus.AFFECTED);
        assertThat(matcher.decide(LOONEY_TUNABLES)).isEmpty();
    }

    @Test
    void imageProductMustBeThisImageWhenItHasADigest() {
        VexStatement otherImage = new VexStatement("CVE-2020-25649", List.of(), List.of("pkg:oci/api@sha256%3Adef"),
                List.of(), VexStatus.NOT_AFFECTED, "component_not_present", null, null, "x", 0);
        assertThat(new VexMatcher(List.of(otherImage), "sha256:abc").decide(JACKSON_XXE)).isEmpty();
        assertThat(new VexMatcher(List.of(otherImage), "sha256:def").decide(JACKSON_XXE)).isPresent();
    }

    @Test
    void bothFormatsTogetherSuppressWithJustification() {
        List<VexStatement> all = new ArrayList<>(openVex());
        all.addAll(cycloneDx());
        GateResult result = new GateEvaluator(new GatePolicy(Severity.HIGH, Set.of()), List.of(),
                new VexMatcher(all, null), LocalDate.of(2026, 11, 27)).evaluate(all());
        assertThat(result.findings()).filteredOn(AssessedFinding::suppressed).extracting(a -> a.finding().id())
                .containsExactly("GHSA-jfh8-c2jp-5v3q", "CVE-2023-45853", "GHSA-288c-cq4h-88gq");
        Suppression zlib = result.findings().get(1).suppressedBy();
        assertThat(zlib.reason()).isEqualTo("VEX not_affected: code_not_present (Debian does not build MiniZip into zlib1g.)");
        assertThat(zlib.source()).isEqualTo("cyclonedx-vex.json");
        assertThat(result.verdict().line()).isEqualTo("FAIL: 1 HIGH at or above HIGH (3 below high, 3 suppressed)");
    }

    @Test
    void rejectsWhatIsNotVex() {
        assertThatThrownBy(() -> VexParser.parse("{\"spdxVersion\":\"SPDX-2.3\"}", "sbom.json", 0))
                .isInstanceOf(VexFormatException.class).hasMessageStartingWith("sbom.json: neither an OpenVEX");
        assertThatThrownBy(() -> VexParser.parse("{\"@context\":", "cut.json", 0))
                .hasMessageStartingWith("cut.json: not valid JSON");
        assertThatThrownBy(() -> VexParser.parse("{\"@context\":\"https://openvex.dev/ns\",\"statements\":"
                + "[{\"vulnerability\":{\"name\":\"CVE-1\"},\"status\":\"maybe\"}]}", "bad.json", 0))
                .hasMessage("bad.json: statement 1 (CVE-1) has unknown status 'maybe'");
    }
}
