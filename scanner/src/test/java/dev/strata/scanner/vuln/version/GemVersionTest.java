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

class GemVersionTest {

    private static final String LIVE_RUBY = """
            exec ruby -e 'STDIN.each_line { |l| a, b = l.split; puts(Gem::Version.new(a) <=> Gem::Version.new(b)); STDOUT.flush }'
            """;

    /** Orderings documented for Gem::Version (pre-releases, letter splitting, trailing zeros). */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "1.0.a 1.0 -1",
        "1.0.a10 1.0.a9 1",
        "1.0.a10 1.0.a.10 0",
        "1.0.b1 1.0.a2 1",
        "1.0.rc1 1.0 -1",
        "1.0 1.0.0 0",
        "1 1.0.0.0 0",
        "1.0.0-rc1 1.0.0.pre.rc1 0",
        "1.0-1 1.0 -1",
        "2.0.0.pre 1.9.9 1",
        "1.10 1.9 1",
        "1.0.A 1.0.a -1",
        "1.a.0 1.a 0",
        "6.1.7.3 6.1.7.10 -1",
        "7.0.4.3 7.0.8 -1",
    })
    void documentedOrderings(String a, String b, int sign) {
        assertThat(Integer.signum(GemVersion.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(GemVersion.compare(b, a))).isEqualTo(-sign);
        if (sign == 0) {
            assertThat(GemVersion.parse(a)).hasSameHashCodeAs(GemVersion.parse(b));
        }
    }

    @Test
    void agreesWithRubyGemsOnEveryGeneratedPair() throws Exception {
        List<ReferencePairs.Pair> pairs = ReferencePairs.load("gem-pairs.txt");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(3000);
        List<String> wrong = new ArrayList<>();
        for (ReferencePairs.Pair p : pairs) {
            int sign = Integer.signum(GemVersion.compare(p.a(), p.b()));
            if (sign != p.sign()) {
                wrong.add(p + " (got " + sign + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void resourceStillAgreesWithLiveRuby() throws Exception {
        assumeTrue(ReferencePairs.onPath("ruby"), "ruby not on PATH");
        List<ReferencePairs.Pair> pairs = new ArrayList<>(ReferencePairs.load("gem-pairs.txt"));
        long seed = System.nanoTime();
        Collections.shuffle(pairs, new Random(seed));
        List<ReferencePairs.Pair> sample = pairs.subList(0, 200);
        List<Integer> live = ReferencePairs.liveSigns(LIVE_RUBY, sample);
        assertThat(live).hasSize(200);
        for (int i = 0; i < sample.size(); i++) {
            ReferencePairs.Pair p = sample.get(i);
            assertThat(live.get(i)).as("live ruby for %s (seed %d)", p, seed).isEqualTo(p.sign());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"junk", "1.0\n2.0", "1..2", "1.0-", ".1", "1.0+x", "a1"})
    void refusesInvalid(String bad) {
        assertThat(GemVersion.isValid(bad)).isFalse();
        assertThatThrownBy(() -> GemVersion.compare(bad, "1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    @Test
    void blankIsZeroAndPreReleaseFlag() {
        assertThat(GemVersion.compare("", "0")).isZero();
        assertThat(GemVersion.parse("1.0.pre").isPreRelease()).isTrue();
        assertThat(GemVersion.parse("1.0").isPreRelease()).isFalse();
    }
}
