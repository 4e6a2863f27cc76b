package dev.strata.scanner.gate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static dev.strata.scanner.gate.GateFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IgnoreFileParserTest {

    private static final String FILE = ".strataignore.yaml";

    private static List<IgnoreRule> sample() {
        return IgnoreFileParser.parse(TestResources.read("strataignore.yaml"), FILE);
    }

    @Test
    void readsEveryEntryWithItsLine() {
        List<IgnoreRule> rules = sample();
        assertThat(rules).extracting(IgnoreRule::id)
                .containsExactly("CVE-2021-44228", "CVE-2023-4911", "CVE-2023-45853");
        assertThat(rules).extracting(IgnoreRule::line).containsExactly(3, 10, 15);
        IgnoreRule log4j = rules.get(0);
        assertThat(log4j.purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
        assertThat(log4j.paths()).containsExactly("/app/lib/*.jar");
        assertThat(log4j.expires()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(log4j.reason()).startsWith("JNDI lookups are disabled");
        assertThat(rules.get(1).packageName()).isEqualTo("libc6");
        assertThat(rules.get(2).expires()).isNull();
        assertThat(rules.get(2).location()).isEqualTo(".strataignore.yaml:15");
    }

    @Test
    void matchesByAliasPurlWithoutVersionAndPathGlob() {
        IgnoreRule log4j = sample().get(0);
        assertThat(log4j.covers(LOG4SHELL)).isTrue();
        IgnoreRule otherPath = new IgnoreRule(log4j.id(), log4j.purl(), null, List.of("/opt/*.jar"), "r", null, FILE, 1);
        assertThat(otherPath.covers(LOG4SHELL)).isFalse();
        IgnoreRule otherVersion = new IgnoreRule(log4j.id(), "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0",
                null, List.of(), "r", null, FILE, 1);
        assertThat(otherVersion.covers(LOG4SHELL)).isFalse();
        IgnoreRule otherId = new IgnoreRule("CVE-2021-45046", null, null, List.of(), "r", null, FILE, 1);
        assertThat(otherId.covers(LOG4SHELL)).isFalse();
        IgnoreRule namePattern = new IgnoreRule("CVE-2024-0727", null, "libssl*", List.of(), "r", null, FILE, 1);
        assertThat(namePattern.covers(OPENSSL_PKCS12)).isTrue();
        assertThat(namePattern.covers(OPENSSL_SESSION)).isFalse();
    }

    @Test
    void expiresAfterTheExpiryDay() {
        IgnoreRule libc = sample().get(1);
        assertThat(libc.expiredOn(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(libc.expiredOn(LocalDate.of(2026, 10, 2))).isTrue();
        assertThat(sample().get(2).expiredOn(LocalDate.of(2999, 1, 1))).isFalse();
    }

    @Test
    void sampleFileAgainstTheFixtureFindings() {
        GateResult result = new GateEvaluator(new GatePolicy(dev.strata.scanner.vuln.match.Severity.HIGH, Set.of()),
                sample(), null, LocalDate.of(2026, 11, 27)).evaluate(all());
        assertThat(result.findings()).filteredOn(AssessedFinding::suppressed).extracting(a -> a.finding().id())
                .containsExactly("GHSA-jfh8-c2jp-5v3q", "CVE-2023-45853");
        assertThat(result.expiredIgnores()).extracting(IgnoreRule::id).containsExactly("CVE-2023-4911");
        assertThat(result.verdict().line())
                .isEqualTo("FAIL: 2 HIGH at or above HIGH (3 below high, 2 suppressed, 1 expired ignore entry)");
    }

    @Test
    void emptyFileAndEmptyListHaveNoRules() {
        assertThat(IgnoreFileParser.parse("", FILE)).isEmpty();
        assertThat(IgnoreFileParser.parse("# nothing yet\nignore:\n", FILE)).isEmpty();
        assertThat(IgnoreFileParser.parse("ignore: []\n", FILE)).isEmpty();
    }

    @Test
    void missingReasonNamesFileLineAndId() {
        String yaml = "ignore:\n  - id: CVE-2024-0727\n    reason: ok\n  - id: CVE-2024-2511\n    expires: 2027-01-01\n";
        assertThatThrownBy(() -> IgnoreFileParser.parse(yaml, FILE))
                .isInstanceOf(IgnoreFileException.class)
                .hasMessage(".strataignore.yaml:4: entry for CVE-2024-2511 has no 'reason'");
    }

    @Test
    void malformedFilesAreErrorsWithTheirLine() {
        assertError("ignore:\n  - id: CVE-1\n    reason: r\n    expire: 2027-01-01\n",
                ".strataignore.yaml:2: unknown key 'expire' (expected id, purl, package, paths, reason, expires)");
        assertError("ignore:\n  - reason: r\n", ".strataignore.yaml:2: entry has no 'id'");
        assertError("ignore:\n  - id: CVE-1\n    reason: r\n    expires: next year\n",
                ".strataignore.yaml:2: 'expires' must be a date YYYY-MM-DD, got 'next year'");
        assertError("ignore:\n  - id: CVE-1\n    reason: r\n    purl: maven/log4j\n",
                ".strataignore.yaml:2: invalid package URL 'maven/log4j'");
        assertError("ignore:\n  id: CVE-1\n", ".strataignore.yaml:1: 'ignore' must be a list of entries");
        assertError("ignores:\n  - id: CVE-1\n", ".strataignore.yaml:1: unknown key 'ignores' (expected 'ignore')");
        assertError("- id: CVE-1\n", ".strataignore.yaml:1: expected a mapping with an 'ignore' list");
        assertError("ignore:\n  - CVE-1\n", ".strataignore.yaml:2: an ignore entry must be a mapping");
        assertError("ignore:\n  - id: CVE-1\n    paths: {a: b}\n    reason: r\n",
                ".strataignore.yaml:2: 'paths' must be a path or a list of paths");
        assertError("ignore:\n  - id: [CVE-1\n    reason: r\n", ".strataignore.yaml:3: not valid YAML");
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> IgnoreFileParser.parse(yaml, FILE))
                .isInstanceOf(IgnoreFileException.class)
                .hasMessageStartingWith(message);
    }
}
