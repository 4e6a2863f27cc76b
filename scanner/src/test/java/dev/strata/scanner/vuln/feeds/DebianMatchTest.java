package dev.strata.scanner.vuln.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.vuln.feeds.DebianMatch.State;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DebianMatchTest {

    static Map<String, String> verdicts(String source, String installed) throws IOException {
        List<DebianAdvisory> bookworm = DebianTrackerParserTest.parse("debian-tracker-excerpt.json",
                Set.of("bookworm")).advisories;
        return DebianMatch.match(source, installed, bookworm).stream().collect(Collectors.toMap(
                DebianMatch.Verdict::id,
                v -> v.state() + (v.fixedVersion() == null ? "" : " " + v.fixedVersion())));
    }

    @Test
    void bookwormZlibWithEpochVersions() throws IOException {
        assertThat(verdicts("zlib", "1:1.2.13.dfsg-1")).isEqualTo(Map.of(
                "CVE-2018-25032", "NOT_AFFECTED",
                "CVE-2022-37434", "NOT_AFFECTED",
                "CVE-2023-45853", "AFFECTED_UNFIXED"));
    }

    @Test
    void olderZlibIsAffectedByTheFixedIssues() throws IOException {
        assertThat(verdicts("zlib", "1:1.2.11.dfsg-4")).isEqualTo(Map.of(
                "CVE-2018-25032", "NOT_AFFECTED",
                "CVE-2022-37434", "AFFECTED_FIXED_IN 1:1.2.11.dfsg-4.1",
                "CVE-2023-45853", "AFFECTED_UNFIXED"));
    }

    @Test
    void missingEpochSortsBelowEpochOne() throws IOException {
        // "1.2.13.dfsg-1" has epoch 0, so it is older than every "1:…" fix.
        assertThat(verdicts("zlib", "1.2.13.dfsg-1")).containsEntry("CVE-2018-25032", "AFFECTED_FIXED_IN 1:1.2.11.dfsg-4")
                .containsEntry("CVE-2022-37434", "AFFECTED_FIXED_IN 1:1.2.11.dfsg-4.1");
    }

    @Test
    void bookwormOpensslAtTheReleaseVersion() throws IOException {
        assertThat(verdicts("openssl", "3.0.11-1~deb12u2")).isEqualTo(Map.of(
                "CVE-2007-6755", "NOT_AFFECTED",
                "CVE-2022-3602", "NOT_AFFECTED",
                "CVE-2023-0464", "NOT_AFFECTED",
                "CVE-2023-5678", "AFFECTED_FIXED_IN 3.0.13-1~deb12u1",
                "CVE-2024-2511", "AFFECTED_FIXED_IN 3.0.14-1~deb12u1",
                "CVE-2024-4741", "FIX_DEFERRED",
                "CVE-2024-5535", "FIX_DEFERRED"));
    }

    @Test
    void constructedRuleCases() throws IOException {
        List<DebianAdvisory> rules = DebianTrackerParserTest.parse("debian-tracker-rules.json", Set.of()).advisories;
        assertThat(DebianMatch.match("openssl", "3.0.11-1~deb12u2", rules).stream().collect(Collectors.toMap(
                DebianMatch.Verdict::id, v -> v.state().name()))).isEqualTo(Map.of(
                "CVE-2099-0001", "UNDETERMINED",
                "CVE-2099-0002", "FIX_DEFERRED",
                "CVE-2099-0003", "WONT_FIX",
                "TEMP-0000000-7A0F1B", "AFFECTED_UNFIXED"));
    }

    @Test
    void tildeSecurityVersionEqualToTheFixIsNotAffected() throws IOException {
        assertThat(verdicts("openssl", "3.0.14-1~deb12u1")).containsEntry("CVE-2024-2511", "NOT_AFFECTED")
                .containsEntry("CVE-2023-5678", "NOT_AFFECTED");
        // ~deb12u1 sorts before the unsuffixed revision, so the backport is older than 3.0.14-1.
        assertThat(verdicts("openssl", "3.0.13-1")).containsEntry("CVE-2023-5678", "NOT_AFFECTED")
                .containsEntry("CVE-2024-2511", "AFFECTED_FIXED_IN 3.0.14-1~deb12u1");
    }

    @Test
    void epochBeatsAHigherUpstream() {
        DebianAdvisory noEpochFix = advisory(DebianStatus.FIXED, "1.2.14-1", null, null);
        assertThat(DebianMatch.classify("1:1.2.13.dfsg-1", noEpochFix).state()).isEqualTo(State.NOT_AFFECTED);
        DebianAdvisory epochFix = advisory(DebianStatus.FIXED, "1:1.3.dfsg-1", null, null);
        DebianMatch.Verdict v = DebianMatch.classify("1:1.2.13.dfsg-1", epochFix);
        assertThat(v.state()).isEqualTo(State.AFFECTED_FIXED_IN);
        assertThat(v.fixedVersion()).isEqualTo("1:1.3.dfsg-1");
        assertThat(v.affected()).isTrue();
    }

    @Test
    void noDsaMarksOfOpenIssues() {
        assertThat(DebianMatch.openState(advisory(DebianStatus.OPEN, null, null, null))).isEqualTo(State.AFFECTED_UNFIXED);
        assertThat(DebianMatch.openState(advisory(DebianStatus.OPEN, null, "Minor issue", ""))).isEqualTo(State.WONT_FIX);
        assertThat(DebianMatch.openState(advisory(DebianStatus.OPEN, null, "x", "ignored"))).isEqualTo(State.WONT_FIX);
        assertThat(DebianMatch.openState(advisory(DebianStatus.OPEN, null, "Minor issue", "postponed")))
                .isEqualTo(State.FIX_DEFERRED);
    }

    @Test
    void releaseOverloadKeepsOnlyThatRelease() throws IOException {
        List<DebianAdvisory> all = DebianTrackerParserTest.parse("debian-tracker-excerpt.json", Set.of()).advisories;
        assertThat(DebianMatch.match("bullseye", "openssl", "1.1.1w-0+deb11u1", all).stream()
                .map(v -> v.id() + " " + v.state())).containsExactlyInAnyOrder(
                        "CVE-2023-5678 AFFECTED_UNFIXED", "CVE-2022-3602 NOT_AFFECTED", "CVE-2024-4741 FIX_DEFERRED");
    }

    @Test
    void otherSourcePackagesAreSkipped() {
        DebianAdvisory a = advisory(DebianStatus.OPEN, null, null, null);
        assertThat(DebianMatch.match("openssl", "3.0.11-1~deb12u2", List.of(a))).isEmpty();
    }

    private static DebianAdvisory advisory(DebianStatus status, String fixed, String noDsa, String reason) {
        return new DebianAdvisory("zlib", "CVE-2099-0001", true, null, null, null, "bookworm", status, fixed, null,
                noDsa, reason, false, Map.of());
    }
}
