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

class DpkgVersionTest {

    private static final String LIVE_DPKG = """
            while read -r a b; do
              if dpkg --compare-versions "$a" lt "$b"; then echo -1
              elif dpkg --compare-versions "$a" eq "$b"; then echo 0
              else echo 1; fi
            done
            """;

    @Test
    void agreesWithDpkgOnEveryGeneratedPair() throws Exception {
        List<ReferencePairs.Pair> pairs = ReferencePairs.load("dpkg-pairs.txt");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(3000);
        List<String> wrong = new ArrayList<>();
        for (ReferencePairs.Pair p : pairs) {
            assertThat(DpkgVersion.isValid(p.a())).as(p.a()).isTrue();
            int sign = Integer.signum(DpkgVersion.compare(p.a(), p.b()));
            if (sign != p.sign()) {
                wrong.add(p + " (got " + sign + ")");
            }
            if (Integer.signum(DpkgVersion.compare(p.b(), p.a())) != -p.sign()) {
                wrong.add(p + " (reversed)");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void resourceStillAgreesWithLiveDpkg() throws Exception {
        assumeTrue(ReferencePairs.onPath("dpkg"), "dpkg not on PATH");
        List<ReferencePairs.Pair> pairs = new ArrayList<>(ReferencePairs.load("dpkg-pairs.txt"));
        long seed = System.nanoTime();
        Collections.shuffle(pairs, new Random(seed));
        List<ReferencePairs.Pair> sample = pairs.subList(0, 200);
        List<Integer> live = ReferencePairs.liveSigns(LIVE_DPKG, sample);
        assertThat(live).as("dpkg answers (seed %d)", seed).hasSize(200);
        for (int i = 0; i < sample.size(); i++) {
            ReferencePairs.Pair p = sample.get(i);
            assertThat(live.get(i)).as("live dpkg for %s (seed %d)", p, seed).isEqualTo(p.sign());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "1.0~rc1 1.0 -1",
        "1.0~~ 1.0~ -1",
        "1.0~ 1.0 -1",
        "1.0 1.0a -1",
        "1.0a 1.0+ -1",
        "1.0 1.0-0 0",
        "1.0 0:1.0 0",
        "1:0.1 2.0 1",
        "1.01 1.1 0",
        "1.0+dfsg-1 1.0-1 1",
        "2.36-9+deb12u4 2.36-9+deb12u10 -1",
        "1.2.13.dfsg-1 1.2.13.dfsg-1+b1 -1",
        "3.0.11-1~deb12u2 3.0.11-1 -1",
        "99999999999999999999999 100000000000000000000000 -1",
    })
    void knownOrderings(String a, String b, int sign) {
        assertThat(Integer.signum(DpkgVersion.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(DpkgVersion.compare(b, a))).isEqualTo(-sign);
    }

    @Test
    void equalVersionsHashAlike() {
        assertThat(DpkgVersion.parse("00:1.00-0")).isEqualTo(DpkgVersion.parse("1.0")).hasSameHashCodeAs(DpkgVersion.parse("1.0"));
    }

    @Test
    void refusesWhatDpkgRefuses() {
        for (String bad : new String[] {"", " ", "1.0 1", ":1.0", "a:1.0", "1:", "1.0-", "-1", "99999999999:1.0"}) {
            assertThatThrownBy(() -> DpkgVersion.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
            assertThat(DpkgVersion.isValid(bad)).as(bad).isFalse();
        }
        // dpkg only warns about these: comparable, but not valid.
        assertThat(DpkgVersion.isValid("abc")).isFalse();
        assertThat(DpkgVersion.isValid("1.0_1")).isFalse();
        assertThat(DpkgVersion.compare("abc", "1.0")).isPositive();
    }
}
