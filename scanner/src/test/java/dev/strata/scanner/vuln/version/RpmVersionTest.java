package dev.strata.scanner.vuln.version;

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

class RpmVersionTest {

    /** Prints rpm's sign for each "A B" line, or exits 3 when no python3 has the rpm module. */
    private static final String LIVE_RPM = """
            for py in python3 /usr/bin/python3; do
              if "$py" -c 'import rpm' 2>/dev/null; then
                exec "$py" -c '
            import sys, rpm
            for line in sys.stdin:
                a, b = line.split()
                va, vb = rpm.ver(a), rpm.ver(b)
                print((va > vb) - (va < vb), flush=True)
            '
              fi
            done
            cat > /dev/null
            exit 3
            """;

    /** rpmvercmp behaviour as documented by rpm (tilde, caret, segment rules), plus EVR handling; written by hand. */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "1.0 1.0 0",
        "1.0 2.0 -1",
        "2.0 1.0 1",
        "2.0.1 2.0.1 0",
        "2.0 2.0.1 -1",
        "2.0.1a 2.0.1a 0",
        "2.0.1a 2.0.1 1",
        "5.5p1 5.5p1 0",
        "5.5p1 5.5p2 -1",
        "5.5p10 5.5p2 1",
        "10xyz 10.1xyz -1",
        "xyz10 xyz10 0",
        "xyz10 xyz10.1 -1",
        "xyz.4 xyz.4 0",
        "xyz.4 8 -1",
        "8 xyz.4 1",
        "xyz.4 2 -1",
        "5.5p2 5.6p1 -1",
        "5.6p1 6.5p1 -1",
        "6.0.rc1 6.0 1",
        "10b2 10a1 1",
        "10a2 10b2 -1",
        "1.0aa 1.0aa 0",
        "1.0a 1.0aa -1",
        "1.0aa 1.0a 1",
        "10.0001 10.0001 0",
        "10.0001 10.1 0",
        "10.1 10.0001 0",
        "10.0001 10.0039 -1",
        "4.999.9 5.0 -1",
        "20101121 20101121 0",
        "20101121 20101122 -1",
        "2_0 2_0 0",
        "2.0 2_0 0",
        "a a 0",
        "a+ a+ 0",
        "a+ a_ 0",
        "+a +a 0",
        "+a _a 0",
        "+_ +_ 0",
        "_+ +_ 0",
        "1.0~rc1 1.0~rc1 0",
        "1.0~rc1 1.0 -1",
        "1.0 1.0~rc1 1",
        "1.0~rc1 1.0~rc2 -1",
        "1.0~rc1~git123 1.0~rc1 -1",
        "1.0^ 1.0^ 0",
        "1.0^ 1.0 1",
        "1.0 1.0^ -1",
        "1.0^git1 1.0^git1 0",
        "1.0^git1 1.0 1",
        "1.0^git1 1.01 -1",
        "1.0^20160101 1.0.1 -1",
        "1.0^20160102 1.0^20160101^git1 1",
        "1.0~rc1^git1 1.0~rc1 1",
        "1.0^git1~pre 1.0^git1 -1",
        "1:1.0 2.0 1",
        "0:1.0 1.0 0",
        "00:1.0-1 1.0-1 0",
        "1.0-1 1.0-2 -1",
        "1.0-1.el9 1.0-1.el9_2 -1",
        "1.0 1.0-1 -1",
        "2.4.37-62.module+el8.9.0+19699+7a7a2044 2.4.37-56.module+el8.8.0+18758+b3a9c8da 1",
        "3.0.7-27.el9 3.0.7-24.el9 1",
        "1:3.0.7-27.el9 3.0.7-27.el9 1",
        "99999999999999999999 100000000000000000000 -1",
    })
    void documentedOrderings(String a, String b, int sign) {
        assertThat(Integer.signum(RpmVersion.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(RpmVersion.compare(b, a))).isEqualTo(-sign);
    }

    @Test
    void agreesWithRpmOnEveryGeneratedPair() throws Exception {
        List<ReferencePairs.Pair> pairs = ReferencePairs.load("rpm-pairs.txt");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(3000);
        List<String> wrong = new ArrayList<>();
        for (ReferencePairs.Pair p : pairs) {
            int sign = Integer.signum(RpmVersion.compare(p.a(), p.b()));
            if (sign != p.sign()) {
                wrong.add(p + " (got " + sign + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void resourceStillAgreesWithLiveRpm() throws Exception {
        assumeTrue(ReferencePairs.onPath("bash"), "no bash");
        List<ReferencePairs.Pair> pairs = new ArrayList<>(ReferencePairs.load("rpm-pairs.txt"));
        long seed = System.nanoTime();
        Collections.shuffle(pairs, new Random(seed));
        List<ReferencePairs.Pair> sample = pairs.subList(0, 200);
        List<Integer> live = ReferencePairs.liveSigns(LIVE_RPM, sample);
        assumeTrue(!live.isEmpty(), "no python3 with the rpm module (python3-rpm)");
        assertThat(live).hasSize(200);
        for (int i = 0; i < sample.size(); i++) {
            ReferencePairs.Pair p = sample.get(i);
            assertThat(live.get(i)).as("live rpm for %s (seed %d)", p, seed).isEqualTo(p.sign());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.0 1", "1.0-", "-1", "1:", "1:-1"})
    void refusesUnparseable(String bad) {
        assertThat(RpmVersion.isValid(bad)).isFalse();
        assertThatThrownBy(() -> RpmVersion.compare(bad, "1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    @Test
    void validityAndParts() {
        assertThat(RpmVersion.isValid("2:1.0^git1~rc1-3.el9_2")).isTrue();
        assertThat(RpmVersion.isValid("1.0/x-1")).isFalse();
        RpmVersion v = RpmVersion.parse("02:1.0-3.el9");
        assertThat(v.epoch()).isEqualTo("2");
        assertThat(v.version()).isEqualTo("1.0");
        assertThat(v.release()).isEqualTo("3.el9");
        assertThat(v).isEqualTo(RpmVersion.parse("2:1.00-3.el9")).hasSameHashCodeAs(RpmVersion.parse("2:1.00-3.el9"));
    }
}
