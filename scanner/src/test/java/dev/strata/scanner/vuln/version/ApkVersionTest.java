package dev.strata.scanner.vuln.version;

import static dev.strata.scanner.vuln.version.OrderingChecks.pick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApkVersionTest {

    /** Real Alpine versions (installed db of alpine 3.19, secdb fixed versions) and suffix variants, ascending. */
    private static final List<String> ASCENDING = List.of(
            "0.7.2-r5",
            "0.26-r1",
            "1.0_alpha-r0",
            "1.0_alpha1-r0",
            "1.0_alpha2-r0",
            "1.0_beta1-r0",
            "1.0_pre1-r0",
            "1.0_rc1-r0",
            "1.0_rc2-r0",
            "1.0",
            "1.0-r0",
            "1.0-r1",
            "1.0-r10",
            "1.0_cvs20200101-r0",
            "1.0_svn123-r0",
            "1.0_git20230101-r0",
            "1.0_git20231014-r0",
            "1.0_hg1-r0",
            "1.0_p1-r0",
            "1.0_p2-r0",
            "1.0a-r0",
            "1.0b-r0",
            "1.0.1-r0",
            "1.1-r0",
            "1.2.4_git20230717-r4",
            "1.2.4_git20230717-r6",
            "1.2.12-r1",
            "1.2.12-r2",
            "1.2.13-r0",
            "1.3.1-r0",
            "1.3.1-r1",
            "1.3.7-r2",
            "1.5.5-r8",
            "1.36.1-r14",
            "1.36.1-r15",
            "2.4-r1",
            "2.14-r4",
            "2.14.0-r5",
            "2.40_rc1-r0",
            "2.40-r0",
            "2.41-r1",
            "3.1.4-r5",
            "3.4.3-r2",
            "4.2.1-r0",
            "6.3.0-r0",
            "13.2.1_git20231014-r0",
            "20230506-r0");

    @Test
    void realAlpineVersionsSortInKnownOrder() {
        assertThat(ASCENDING).hasSizeGreaterThanOrEqualTo(40);
        assertThat(ASCENDING).allMatch(ApkVersion::isValid);
        assertThat(OrderingChecks.assertAscending(VersionSchemes.APK, ASCENDING)).isEqualTo(ASCENDING.size() * ASCENDING.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "1.05 1.1 -1",
        "1.001 1.01 -1",
        "1.0.1 1.05 -1",
        "1.10 1.9 1",
        "01.2 1.2 0",
        "1.0-r01 1.0-r1 0",
        "0.1.0_alpha_pre2 0.1.0_alpha -1",
        "1.0_alpha_beta 1.0_alpha0_beta -1",
        "1.0 1.00 1",
        "1.0 1.0.0 -1",
        "1.0_pre20191002222144-r0 1.0_pre20210530193627-r0 -1",
        "1.0_alpha 1.0_alpha0 -1",
        "1.0_rc1 1.0 -1",
        "1.0_p1 1.0.1 -1",
        "1.0_p1 1.0-r1 1",
        "1.0a1 1.0a 1",
        "1.0_rc1_p1 1.0_rc1 1",
        "1.0_rc1_p1 1.0_rc2 -1",
        "12345678901234567 12345678901234568 -1",
    })
    void knownOrderings(String a, String b, int sign) {
        assertThat(Integer.signum(ApkVersion.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(ApkVersion.compare(b, a))).isEqualTo(-sign);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a1", "v1.0", "1.0-", "1.0-1", "1.0_foo", "1.0ab", "1.0a.1", "1.0.", "1.0-r", "1.0 ", "1.0_rc1.2", "1.0A", "1.0~abc", "123456789012345678"})
    void refusesInvalid(String bad) {
        assertThat(ApkVersion.isValid(bad)).isFalse();
        assertThatThrownBy(() -> ApkVersion.compare(bad, "1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    private static final String LIVE_APK = """
            while read -r a b; do
              case "$(apk version -t "$a" "$b")" in
                "<") echo -1 ;; "=") echo 0 ;; ">") echo 1 ;; *) echo 9 ;;
              esac
            done
            """;

    @Test
    void agreesWithApkToolsOnEveryGeneratedPair() throws Exception {
        List<ReferencePairs.Pair> pairs = ReferencePairs.load("apk-pairs.txt");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(2500);
        List<String> wrong = new ArrayList<>();
        for (ReferencePairs.Pair p : pairs) {
            int sign = Integer.signum(ApkVersion.compare(p.a(), p.b()));
            if (sign != p.sign()) {
                wrong.add(p + " (got " + sign + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void resourceStillAgreesWithLiveApk() throws Exception {
        assumeTrue(ReferencePairs.onPath("apk"), "apk not on PATH");
        List<ReferencePairs.Pair> pairs = new ArrayList<>(ReferencePairs.load("apk-pairs.txt"));
        long seed = System.nanoTime();
        Collections.shuffle(pairs, new Random(seed));
        List<ReferencePairs.Pair> sample = pairs.subList(0, 200);
        List<Integer> live = ReferencePairs.liveSigns(LIVE_APK, sample);
        assertThat(live).hasSize(200);
        for (int i = 0; i < sample.size(); i++) {
            ReferencePairs.Pair p = sample.get(i);
            assertThat(live.get(i)).as("live apk for %s (seed %d)", p, seed).isEqualTo(p.sign());
        }
    }

    @Test
    void equalVersionsHashAlike() {
        assertThat(ApkVersion.parse("01.2-r01")).isEqualTo(ApkVersion.parse("1.2-r1")).hasSameHashCodeAs(ApkVersion.parse("1.2-r1"));
    }

    @Test
    void orderLawsOnRandomVersions() {
        Random r = new Random(42);
        OrderingChecks.assertOrderLaws(VersionSchemes.APK, () -> randomVersion(r), 20_000);
    }

    private static String randomVersion(Random r) {
        StringBuilder sb = new StringBuilder(pick(r, "0", "1", "2", "10", "01"));
        int parts = r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            sb.append('.').append(pick(r, "0", "1", "2", "05", "10", "00"));
        }
        if (r.nextInt(5) == 0) {
            sb.append(pick(r, "a", "b", "z"));
        }
        int suffixes = r.nextInt(3);
        for (int i = 0; i < suffixes; i++) {
            sb.append('_').append(pick(r, "alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"))
                    .append(pick(r, "", "0", "1", "2", "20231014"));
        }
        if (r.nextBoolean()) {
            sb.append("-r").append(pick(r, "0", "1", "2", "10"));
        }
        String v = sb.toString();
        assertThat(ApkVersion.isValid(v)).as(v).isTrue();
        return v;
    }
}
