package dev.strata.scanner.gate;

import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.FindingStatus;
import dev.strata.scanner.vuln.match.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static dev.strata.scanner.gate.GateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateEvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static GateResult gate(Severity failOn, Set<FindingStatus> ignored, List<IgnoreRule> rules,
                                   List<Finding> findings) {
        return new GateEvaluator(new GatePolicy(failOn, ignored), rules, null, TODAY).evaluate(findings);
    }

    @Test
    void failsWithCountsPerSeverityAtOrAboveTheThreshold() {
        GateResult result = gate(Severity.HIGH, Set.of(), List.of(), all());
        assertThat(result.verdict().failed()).isTrue();
        assertThat(result.verdict().exitCode()).isEqualTo(1);
        assertThat(result.verdict().line())
                .isEqualTo("FAIL: 2 CRITICAL, 2 HIGH at or above HIGH (3 below high)");
    }

    @Test
    void exactlyTheThresholdFails() {
        GateResult high = gate(Severity.HIGH, Set.of(), List.of(), List.of(JACKSON_XXE));
        assertThat(high.verdict().line()).isEqualTo("FAIL: 1 HIGH at or above HIGH");
        assertThat(high.verdict().exitCode()).isEqualTo(1);
    }

    @Test
    void justBelowTheThresholdPasses() {
        GateResult medium = gate(Severity.HIGH, Set.of(), List.of(), List.of(OPENSSL_PKCS12, OPENSSL_SESSION));
        assertThat(medium.verdict().failed()).isFalse();
        assertThat(medium.verdict().exitCode()).isZero();
        assertThat(medium.verdict().line()).isEqualTo("PASS: no findings at or above HIGH (2 below high)");
    }

    @Test
    void criticalThresholdIgnoresHigh() {
        GateResult result = gate(Severity.CRITICAL, Set.of(), List.of(), List.of(JACKSON_XXE, LOONEY_TUNABLES));
        assertThat(result.verdict().exitCode()).isZero();
        GateResult critical = gate(Severity.CRITICAL, Set.of(), List.of(), List.of(JACKSON_XXE, LOG4SHELL));
        assertThat(critical.verdict().line()).startsWith("FAIL: 1 CRITICAL at or above CRITICAL");
    }

    @Test
    void unknownThresholdCountsEverything() {
        GateResult result = gate(Severity.UNKNOWN, Set.of(), List.of(), List.of(LIBC_UNRATED));
        assertThat(result.verdict().line()).isEqualTo("FAIL: 1 UNKNOWN at or above UNKNOWN");
    }

    @Test
    void noThresholdAlwaysPasses() {
        GateResult result = gate(null, Set.of(), List.of(), all());
        assertThat(result.verdict().exitCode()).isZero();
        assertThat(result.verdict().line()).isEqualTo("PASS: no threshold set (--fail-on)");
        assertThat(result.findings()).hasSize(all().size());
    }

    @Test
    void ignoredStatusesDoNotCount() {
        GateResult result = gate(Severity.CRITICAL, GatePolicy.parseStatuses("wont-fix, UNFIXED"), List.of(),
                List.of(ZLIB_MINIZIP, OPENSSL_SESSION, JACKSON_XXE));
        assertThat(result.verdict().exitCode()).isZero();
        assertThat(result.findings()).extracting(a -> a.finding().id()).containsExactly("GHSA-288c-cq4h-88gq");
    }

    @Test
    void statusAndSeverityNamesAreCheckedAndNamed() {
        assertThat(GatePolicy.parseStatuses("wont_fix,fixed"))
                .containsExactlyInAnyOrder(FindingStatus.WONT_FIX, FindingStatus.FIXED);
        assertThatThrownBy(() -> GatePolicy.parseStatuses("unfixed,wontfix"))
                .hasMessageContaining("unknown status 'wontfix'");
        assertThat(GatePolicy.parseSeverity(" High ")).isEqualTo(Severity.HIGH);
        assertThatThrownBy(() -> GatePolicy.parseSeverity("severe")).hasMessageContaining("'severe'");
    }

    @Test
    void unexpiredIgnoreSuppressesAndExpiredOneDoesNot() {
        IgnoreRule unexpired = new IgnoreRule("CVE-2021-44228", null, null, List.of(), "not reachable: JNDI off",
                TODAY, ".strataignore.yaml", 2);
        IgnoreRule expired = new IgnoreRule("CVE-2023-4911", null, "libc6", List.of(), "no setuid binaries",
                TODAY.minusDays(1), ".strataignore.yaml", 6);
        GateResult result = gate(Severity.HIGH, Set.of(), List.of(unexpired, expired),
                List.of(LOG4SHELL, LOONEY_TUNABLES));
        assertThat(result.findings().get(0).suppressedBy())
                .isEqualTo(new Suppression.ByIgnoreRule(".strataignore.yaml:2", "CVE-2021-44228",
                        "not reachable: JNDI off", TODAY));
        assertThat(result.findings().get(1).suppressed()).isFalse();
        assertThat(result.expiredIgnores()).containsExactly(expired);
        assertThat(result.verdict().line())
                .isEqualTo("FAIL: 1 HIGH at or above HIGH (1 suppressed, 1 expired ignore entry)");
        assertThat(result.remaining()).containsExactly(LOONEY_TUNABLES);
    }

    @Test
    void suppressedAboveThresholdPasses() {
        IgnoreRule rule = new IgnoreRule("GHSA-288c-cq4h-88gq", "pkg:maven/com.fasterxml.jackson.core/jackson-databind",
                null, List.of("/app/lib/*.jar"), "DOM deserializer unused", null, "ignore.yaml", 1);
        GateResult result = gate(Severity.HIGH, Set.of(), List.of(rule), List.of(JACKSON_XXE, OPENSSL_PKCS12));
        assertThat(result.verdict().line()).isEqualTo("PASS: no findings at or above HIGH (1 below high, 1 suppressed)");
    }

    @Test
    void vexNotAffectedSuppressesAndAffectedDoesNot() {
        VexStatement notAffected = new VexStatement("CVE-2021-44228", List.of(), List.of(LOG4J), List.of(),
                VexStatus.NOT_AFFECTED, "vulnerable_code_not_in_execute_path", null, null, "vex.json", 0);
        VexStatement affected = new VexStatement("CVE-2023-4911", List.of(), List.of("pkg:deb/debian/libc6"),
                List.of(), VexStatus.AFFECTED, null, null, null, "vex.json", 1);
        GateResult result = new GateEvaluator(new GatePolicy(Severity.CRITICAL, Set.of()), List.of(),
                new VexMatcher(List.of(notAffected, affected), null), TODAY)
                .evaluate(List.of(LOG4SHELL, LOONEY_TUNABLES));
        assertThat(result.findings().get(0).suppressedBy()).isEqualTo(new Suppression.ByVex("vex.json",
                "CVE-2021-44228", "not_affected", "vulnerable_code_not_in_execute_path", null));
        assertThat(result.findings().get(1).suppressed()).isFalse();
        assertThat(result.verdict().exitCode()).isZero();
    }

    @Test
    void ignoreFileWinsOverVex() {
        IgnoreRule rule = new IgnoreRule("CVE-2021-44228", null, null, List.of(), "accepted risk", null, "i.yaml", 3);
        VexStatement fixed = new VexStatement("CVE-2021-44228", List.of(), List.of(LOG4J), List.of(),
                VexStatus.FIXED, null, null, null, "vex.json", 0);
        GateResult result = new GateEvaluator(new GatePolicy(Severity.HIGH, Set.of()), List.of(rule),
                new VexMatcher(List.of(fixed), null), TODAY).evaluate(List.of(LOG4SHELL));
        assertThat(result.findings().get(0).suppressedBy().kind()).isEqualTo("ignore");
    }
}
