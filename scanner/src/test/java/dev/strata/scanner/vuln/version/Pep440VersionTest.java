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

class Pep440VersionTest {

    private static final String LIVE_PACKAGING = """
            for py in python3 /usr/bin/python3; do
              if "$py" -c 'import packaging.version' 2>/dev/null; then
                exec "$py" -c '
            import sys
            from packaging.version import Version
            for line in sys.stdin:
                a, b = line.split()
                va, vb = Version(a), Version(b)
                print((va > vb) - (va < vb), flush=True)
            '
              fi
            done
            cat > /dev/null
            exit 3
            """;

    /** PEP 440, "Summary of permitted suffixes and relative ordering": the example list, ascending. */
    private static final List<String> PEP_SUFFIX_ORDER = List.of(
            "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
            "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
            "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");

    /** PEP 440's other example sequences (version scheme section), each ascending. */
    private static final List<List<String>> PEP_SEQUENCES = List.of(
            List.of("0.1", "0.2", "0.3", "1.0", "1.1"),
            List.of("1.1.0", "1.1.1", "1.1.2", "1.2.0"),
            List.of("0.9", "1.0a1", "1.0a2", "1.0b1", "1.0rc1", "1.0", "1.1a1"),
            List.of("0.9", "1.0.dev1", "1.0.dev2", "1.0.dev3", "1.0.dev4", "1.0c1", "1.0c2", "1.0", "1.0.post1", "1.1.dev1"),
            List.of("2012.4", "2012.7", "2012.10", "2013.1", "2013.6"),
            List.of("1.0", "1.0.post1", "1.0.post2", "1.1"),
            List.of("2013.10", "2014.04", "1!1.0", "1!1.1", "1!2.0"));

    @Test
    void pepExampleListsSortAsThePepSays() {
        int checked = OrderingChecks.assertAscending(VersionSchemes.PEP440, PEP_SUFFIX_ORDER);
        for (List<String> seq : PEP_SEQUENCES) {
            checked += OrderingChecks.assertAscending(VersionSchemes.PEP440, seq);
        }
        assertThat(PEP_SUFFIX_ORDER.size() + PEP_SEQUENCES.stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(40);
        assertThat(checked).isGreaterThan(400);
    }

    /** PEP 440 normalization rules: each pair spells the same version. */
    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "1.0 1.0.0",
        "1.0 1.0.0.0",
        "1.1RC1 1.1rc1",
        "00 0",
        "09000 9000",
        "1.0+09 1.0+9",
        "1.1.a1 1.1a1",
        "1.1-a1 1.1a1",
        "1.1_a1 1.1a1",
        "1.0a.1 1.0a1",
        "1.1a 1.1a0",
        "1.0alpha1 1.0a1",
        "1.0beta2 1.0b2",
        "1.0c1 1.0rc1",
        "1.0pre1 1.0rc1",
        "1.0preview1 1.0rc1",
        "1.2-post2 1.2.post2",
        "1.2post2 1.2.post2",
        "1.2.post-2 1.2.post2",
        "1.0-r4 1.0.post4",
        "1.0-rev4 1.0.post4",
        "1.2.post 1.2.post0",
        "1.0-1 1.0.post1",
        "1.2-dev2 1.2.dev2",
        "1.2dev2 1.2.dev2",
        "1.2.dev 1.2.dev0",
        "1.0+ubuntu-1 1.0+ubuntu.1",
        "1.0+ubuntu_1 1.0+ubuntu.1",
        "v1.0 1.0",
        "V1.0 1.0",
        "' 1.0 ' 1.0",
        "0!1.0 1.0",
    })
    void normalizedSpellingsAreEqual(String a, String b) {
        assertThat(Pep440Version.compare(a, b)).as("%s == %s", a, b).isZero();
        assertThat(Pep440Version.parse(a)).isEqualTo(Pep440Version.parse(b)).hasSameHashCodeAs(Pep440Version.parse(b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "1!1.0 2.0 1",
        "1.0+abc 1.0+1 -1",
        "1.0+1 1.0+1.0 -1",
        "1.0+a.b 1.0+a.1 -1",
        "1.0.dev1 1.0a1 -1",
        "1.0a1.post1 1.0a2 -1",
        "1.0.post1.dev1 1.0.post1 -1",
        "1.0 1.0.post0 -1",
        "1.0-beta-1-1 1.0b1.post1 0",
        "100000000000000000000 99999999999999999999 1",
    })
    void otherOrderings(String a, String b, int sign) {
        assertThat(Integer.signum(Pep440Version.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(Pep440Version.compare(b, a))).isEqualTo(-sign);
    }

    @Test
    void agreesWithPackagingOnEveryGeneratedPair() throws Exception {
        List<ReferencePairs.Pair> pairs = ReferencePairs.load("pypi-pairs.txt");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(3000);
        List<String> wrong = new ArrayList<>();
        for (ReferencePairs.Pair p : pairs) {
            int sign = Integer.signum(Pep440Version.compare(p.a(), p.b()));
            if (sign != p.sign()) {
                wrong.add(p + " (got " + sign + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void resourceStillAgreesWithLivePackaging() throws Exception {
        assumeTrue(ReferencePairs.onPath("bash"), "no bash");
        List<ReferencePairs.Pair> pairs = new ArrayList<>(ReferencePairs.load("pypi-pairs.txt"));
        long seed = System.nanoTime();
        Collections.shuffle(pairs, new Random(seed));
        List<ReferencePairs.Pair> sample = pairs.subList(0, 200);
        List<Integer> live = ReferencePairs.liveSigns(LIVE_PACKAGING, sample);
        assumeTrue(!live.isEmpty(), "no python3 with packaging");
        assertThat(live).hasSize(200);
        for (int i = 0; i < sample.size(); i++) {
            ReferencePairs.Pair p = sample.get(i);
            assertThat(live.get(i)).as("live packaging for %s (seed %d)", p, seed).isEqualTo(p.sign());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "french toast", "1.0-", "1.0.dev1.post1", "1.0+", "1.0+a+b", "1..0", "a1.0", "1.0a1b1", "2.0.0-rc.1+build.1.x!"})
    void refusesNonPep440(String bad) {
        assertThat(Pep440Version.isValid(bad)).isFalse();
        assertThatThrownBy(() -> Pep440Version.compare(bad, "1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    @Test
    void knowsPreReleases() {
        assertThat(Pep440Version.parse("1.0rc1").isPreRelease()).isTrue();
        assertThat(Pep440Version.parse("1.0.dev1").isPreRelease()).isTrue();
        assertThat(Pep440Version.parse("1.0.post1").isPreRelease()).isFalse();
    }
}
