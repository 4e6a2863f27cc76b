package dev.strata.scanner.vuln.match;

import static dev.strata.scanner.vuln.match.Packages.DEBIAN_12;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.strata.scanner.report.PackageSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** libssl3 from source openssl 3.0.11-1~deb12u2 against the real tracker excerpt and the constructed rule cases. */
class DebianMatchingTest {

    private final VulnerabilityMatcher matcher = new VulnerabilityMatcher(Advisories.all());
    private final PackageSummary libssl = Packages.deb("libssl3", "3.0.11-1~deb12u2", "openssl", "3.0.11-1~deb12u2");

    @Test
    void bookwormStatesUrgenciesAndOrder() {
        MatchResult result = matcher.match(List.of(libssl), DEBIAN_12);

        assertThat(result.findings())
                .extracting(Finding::id, Finding::status, Finding::fixedVersion, Finding::severity)
                .containsExactly(
                        tuple("CVE-2099-0002", FindingStatus.UNFIXED, null, Severity.HIGH),
                        tuple("TEMP-0000000-7A0F1B", FindingStatus.UNFIXED, null, Severity.LOW),
                        tuple("CVE-2023-5678", FindingStatus.FIXED, "3.0.13-1~deb12u1", Severity.UNKNOWN),
                        tuple("CVE-2024-2511", FindingStatus.FIXED, "3.0.14-1~deb12u1", Severity.UNKNOWN),
                        tuple("CVE-2024-4741", FindingStatus.UNFIXED, null, Severity.UNKNOWN),
                        tuple("CVE-2024-5535", FindingStatus.UNFIXED, null, Severity.UNKNOWN),
                        tuple("CVE-2099-0003", FindingStatus.WONT_FIX, null, Severity.UNKNOWN));
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.packageName()).isEqualTo("libssl3");
            assertThat(f.installedVersion()).isEqualTo("3.0.11-1~deb12u2");
        });
        assertThat(result.notes()).containsExactly(new MatchNote(libssl.purl(), "CVE-2099-0001",
                "Debian has not determined whether bookworm is affected"));
    }

    @Test
    void fixedBelowInstalledIsNoFinding() {
        PackageSummary patched = Packages.deb("libssl3", "3.0.14-1~deb12u1", "openssl", "3.0.14-1~deb12u1");
        assertThat(matcher.match(List.of(patched), DEBIAN_12).findings()).extracting(Finding::id)
                .containsExactly("CVE-2099-0002", "TEMP-0000000-7A0F1B", "CVE-2024-4741", "CVE-2024-5535",
                        "CVE-2099-0003");
    }
}
