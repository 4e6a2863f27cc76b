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

class SemVerAndGoTest {

    /** SemVer 2.0.0 §11 examples, ascending. */
    private static final List<String> SEMVER_SPEC = List.of(
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");

    private static final String LIVE_NODE_SEMVER = """
            js="$(npm root -g 2>/dev/null)/npm/node_modules/semver"
            if ! command -v node >/dev/null || [ ! -d "$js" ]; then cat > /dev/null; exit 3; fi
            SEMVER_JS="$js" exec node -e '
              const semver = require(process.env.SEMVER_JS);
              const lines = require("fs").readFileSync(0, "utf8").split("\\n").filter(Boolean);
              for (const l of lines) { const [a, b] = l.split(" "); console.log(semver.compare(a, b)); }
            '
            """;

    @Test
    void agreesWithNpmSemverOnEveryGeneratedPair() throws Exception {
        List<ReferencePairs.Pair> pairs = ReferencePairs.load("npm-pairs.txt");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(3000);
        List<String> wrong = new ArrayList<>();
        for (ReferencePairs.Pair p : pairs) {
            int sign = Integer.signum(SemVer.compare(p.a(), p.b()));
            if (sign != p.sign()) {
                wrong.add(p + " (got " + sign + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void resourceStillAgreesWithLiveNpmSemver() throws Exception {
        assumeTrue(ReferencePairs.onPath("node") && ReferencePairs.onPath("npm"), "node/npm not on PATH");
        List<ReferencePairs.Pair> pairs = new ArrayList<>(ReferencePairs.load("npm-pairs.txt"));
        long seed = System.nanoTime();
        Collections.shuffle(pairs, new Random(seed));
        List<ReferencePairs.Pair> sample = pairs.subList(0, 200);
        List<Integer> live = ReferencePairs.liveSigns(LIVE_NODE_SEMVER, sample);
        assumeTrue(!live.isEmpty(), "npm's semver package not found");
        assertThat(live).hasSize(200);
        for (int i = 0; i < sample.size(); i++) {
            ReferencePairs.Pair p = sample.get(i);
            assertThat(live.get(i)).as("live node semver for %s (seed %d)", p, seed).isEqualTo(p.sign());
        }
    }

    @Test
    void semverSpecPrecedenceExamples() {
        OrderingChecks.assertAscending(VersionSchemes.SEMVER, SEMVER_SPEC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "1.0.0+build.1 1.0.0+build.2 0",
        "1.0.0-alpha+001 1.0.0-alpha 0",
        "v1.2.3 1.2.3 0",
        "1.0.0-2 1.0.0-10 -1",
        "1.0.0-10 1.0.0-1a -1",
        "1.0.0-Alpha 1.0.0-alpha -1",
        "1.10.0 1.9.0 1",
        "99999999999.0.0 100000000000.0.0 -1",
        "1.0.0-99999999999999999999 1.0.0-100000000000000000000 -1",
        "1.0.0-99999999999999999999 1.0.0-a -1",
        "' 1.2.3 ' 1.2.3 0",
    })
    void semverOrderings(String a, String b, int sign) {
        assertThat(Integer.signum(SemVer.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(SemVer.compare(b, a))).isEqualTo(-sign);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2", "01.2.3", "1.2.3-", "1.2.3-01", "=1.2.3", "1.2.3.4", "1.0.0-alpha..1", "1.0.0+", "1.0.0-é"})
    void semverRefusesInvalid(String bad) {
        assertThat(SemVer.isValid(bad)).isFalse();
        assertThatThrownBy(() -> SemVer.compare(bad, "1.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    /** Go module ordering, ascending: pseudo-versions sit between the releases they derive from. */
    private static final List<String> GO_ORDER = List.of(
            "v0.0.0-20190101000000-aaaaaaaaaaaa",
            "v0.0.0-20210101000000-abcdef123456",
            "v0.1.0",
            "v1.0.0-rc.1",
            "v1.0.0-rc.1.0.20220101000000-abcdef123456",
            "v1.0.0",
            "v1.0.1-0.20220101000000-abcdef123456",
            "v1.0.1-0.20230101000000-abcdef123456",
            "v1.0.1",
            "v1.2.0",
            "v2.0.0+incompatible",
            "v2.0.1",
            "v10.0.0");

    @Test
    void agreesWithGoSemverOnEveryGeneratedPair() throws Exception {
        List<ReferencePairs.Pair> pairs = ReferencePairs.load("go-pairs.txt");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(3000);
        List<String> wrong = new ArrayList<>();
        for (ReferencePairs.Pair p : pairs) {
            int sign = Integer.signum(GoVersion.compare(p.a(), p.b()));
            if (sign != p.sign()) {
                wrong.add(p + " (got " + sign + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void resourceStillAgreesWithLiveGoSemver() throws Exception {
        assumeTrue(ReferencePairs.onPath("go"), "go not on PATH");
        java.nio.file.Path src = java.nio.file.Path.of("src/test/resources/dev/strata/scanner/vuln/version/go-semver-cmp.go");
        assumeTrue(java.nio.file.Files.exists(src), "go-semver-cmp.go not found from " + java.nio.file.Path.of("").toAbsolutePath());
        String script = """
                gopath="${GOPATH:-/usr/share/gocode}"
                if [ ! -d "$gopath/src/golang.org/x/mod/semver" ]; then cat > /dev/null; exit 3; fi
                work="$(mktemp -d)"
                GO111MODULE=off GOPATH="$gopath" GOCACHE="$work/cache" go build -o "$work/cmp" '%s' || { cat > /dev/null; exit 3; }
                sed -E 's/(^| )([0-9])/\\1v\\2/g' | "$work/cmp"
                rm -rf "$work"
                """.formatted(src.toAbsolutePath());
        List<ReferencePairs.Pair> pairs = new ArrayList<>(ReferencePairs.load("go-pairs.txt"));
        long seed = System.nanoTime();
        Collections.shuffle(pairs, new Random(seed));
        List<ReferencePairs.Pair> sample = pairs.subList(0, 200);
        List<Integer> live = ReferencePairs.liveSigns(script, sample);
        assumeTrue(!live.isEmpty(), "golang.org/x/mod not in GOPATH");
        assertThat(live).hasSize(200);
        for (int i = 0; i < sample.size(); i++) {
            ReferencePairs.Pair p = sample.get(i);
            assertThat(live.get(i)).as("live Go semver for %s (seed %d)", p, seed).isEqualTo(p.sign());
        }
    }

    @Test
    void goPseudoVersionsOrderAsPreReleases() {
        OrderingChecks.assertAscending(VersionSchemes.GO, GO_ORDER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "v1 v1.0.0 0",
        "v1.2 v1.2.0 0",
        "1.2.3 v1.2.3 0",
        "v2.0.0+incompatible v2.0.0 0",
        "v1.2.3+meta v1.2.3 0",
        "v1.9 v1.10.0 -1",
    })
    void goOrderings(String a, String b, int sign) {
        assertThat(Integer.signum(GoVersion.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(GoVersion.compare(b, a))).isEqualTo(-sign);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v", "vv1.0.0", "v1.2-pre", "v1+meta", "v01.2.3", "v1.2.3.4", " v1.2.3", "latest"})
    void goRefusesInvalid(String bad) {
        assertThat(GoVersion.isValid(bad)).isFalse();
        assertThatThrownBy(() -> GoVersion.compare(bad, "v1.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + bad + "'");
    }

    @Test
    void recognisesPseudoVersions() {
        assertThat(GoVersion.isPseudoVersion("v0.0.0-20210101000000-abcdef123456")).isTrue();
        assertThat(GoVersion.isPseudoVersion("v1.0.1-0.20220101000000-abcdef123456")).isTrue();
        assertThat(GoVersion.isPseudoVersion("v1.0.0-rc.1.0.20220101000000-abcdef123456")).isTrue();
        assertThat(GoVersion.isPseudoVersion("v1.0.0-rc.1")).isFalse();
        assertThat(GoVersion.isPseudoVersion("v1.0.0")).isFalse();
    }

    @Test
    void orderLawsOnRandomSemVer() {
        Random r = new Random(7);
        OrderingChecks.assertOrderLaws(VersionSchemes.SEMVER, () -> {
            String v = r.nextInt(3) + "." + r.nextInt(3) + "." + r.nextInt(3);
            if (r.nextBoolean()) {
                v += "-" + OrderingChecks.pick(r, "alpha", "beta", "rc", "1", "2", "10", "alpha.1", "alpha.beta", "rc.1.2");
            }
            return r.nextInt(4) == 0 ? v + "+b" + r.nextInt(3) : v;
        }, 5_000);
    }
}
