package dev.strata.scanner.vuln.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.vuln.feeds.AlpineMatch.State;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlpineMatchTest {

    /** A binary package from {@code lib/apk/db/installed}: name, version, origin. */
    record Installed(String name, String version, String origin) {
    }

    private static List<AlpineFix> v319;

    @BeforeAll
    static void load() throws IOException {
        v319 = AlpineSecdbParserTest.parse("alpine-secdb-v3.19-main-excerpt.json").fixes;
    }

    /** The real Alpine 3.19.1 installed database already kept for the package-detection tests. */
    static List<Installed> installed() throws IOException {
        List<Installed> out = new ArrayList<>();
        try (var r = new BufferedReader(new InputStreamReader(
                FeedResources.open("/dev/strata/scanner/packages/alpine-3.19/installed"), StandardCharsets.UTF_8))) {
            String p = null;
            String v = null;
            String o = null;
            for (String line = r.readLine(); ; line = r.readLine()) {
                if (line == null || line.isEmpty()) {
                    if (p != null) {
                        out.add(new Installed(p, v, o == null ? p : o));
                    }
                    p = v = o = null;
                    if (line == null) {
                        return out;
                    }
                } else if (line.startsWith("P:")) {
                    p = line.substring(2);
                } else if (line.startsWith("V:")) {
                    v = line.substring(2);
                } else if (line.startsWith("o:")) {
                    o = line.substring(2);
                }
            }
        }
    }

    static Map<String, String> verdicts(String origin, String version) {
        return AlpineMatch.match("v3.19", origin, version, v319).stream().collect(Collectors.toMap(
                AlpineMatch.Verdict::id, v -> v.state() + (v.fixedVersion() == null ? "" : " " + v.fixedVersion()),
                (a, b) -> a, TreeMap::new));
    }

    static Set<String> ids(String origin, String version, State state) {
        return AlpineMatch.match("v3.19", origin, version, v319).stream().filter(v -> v.state() == state)
                .map(AlpineMatch.Verdict::id).collect(Collectors.toSet());
    }

    @Test
    void realAlpine319ImageHasNoAffectedPackageInTheExcerpt() throws IOException {
        List<Installed> pkgs = installed();
        assertThat(pkgs).extracting(Installed::name).contains("zlib", "musl", "musl-utils", "libcrypto3", "busybox");
        for (Installed i : pkgs) {
            assertThat(ids(i.origin(), i.version(), State.AFFECTED)).as(i.toString()).isEmpty();
        }
        // libcrypto3 3.1.4-r5 has origin openssl: CVE-2024-0727 was fixed in exactly this release
        Installed libcrypto = pkgs.stream().filter(i -> i.name().equals("libcrypto3")).findFirst().orElseThrow();
        assertThat(libcrypto.origin()).isEqualTo("openssl");
        assertThat(verdicts(libcrypto.origin(), libcrypto.version())).containsEntry("CVE-2024-0727", "FIXED 3.1.4-r5")
                .containsEntry("CVE-2022-2274", "NOT_AFFECTED");
        assertThat(ids("openssl", libcrypto.version(), State.NOT_AFFECTED)).containsExactlyInAnyOrder(
                "CVE-2022-1292", "CVE-2022-2068", "CVE-2022-2274", "CVE-2023-0466", "CVE-2023-4807");
    }

    @Test
    void realZlibAndMuslVersions() {
        assertThat(verdicts("zlib", "1.3.1-r0")).isEqualTo(Map.of(
                "CVE-2018-25032", "FIXED 1.2.12-r0", "CVE-2022-37434", "FIXED 1.2.12-r2"));
        // musl-utils is one revision behind musl (r4 vs r6) in the real image; both are past every fix
        assertThat(verdicts("musl", "1.2.4_git20230717-r4")).isEqualTo(Map.of(
                "CVE-2016-8859", "FIXED 1.1.15-r4", "CVE-2019-14697", "FIXED 1.1.23-r2",
                "CVE-2020-28928", "FIXED 1.2.2_pre2-r0"));
    }

    @Test
    void olderZlibRevisionIsAffectedOnlyByTheLaterFix() {
        assertThat(verdicts("zlib", "1.2.12-r1")).isEqualTo(Map.of(
                "CVE-2018-25032", "FIXED 1.2.12-r0", "CVE-2022-37434", "AFFECTED 1.2.12-r2"));
        assertThat(verdicts("zlib", "1.2.11-r3")).isEqualTo(Map.of(
                "CVE-2018-25032", "AFFECTED 1.2.12-r0", "CVE-2022-37434", "AFFECTED 1.2.12-r2"));
    }

    @Test
    void olderOpensslRevisionIsAffectedByExactlyTheLaterRevisions() {
        assertThat(ids("openssl", "3.1.4-r1", State.AFFECTED))
                .containsExactlyInAnyOrder("CVE-2023-6129", "CVE-2023-6237", "CVE-2024-0727");
        assertThat(verdicts("openssl", "3.1.4-r1")).containsEntry("CVE-2023-5678", "FIXED 3.1.4-r1");
    }

    @Test
    void preReleaseSuffixOrdering() {
        // _pre2 sorts before the release: 1.2.2_pre1 is affected, 1.2.2 is fixed
        assertThat(verdicts("musl", "1.2.2_pre1-r0")).containsEntry("CVE-2020-28928", "AFFECTED 1.2.2_pre2-r0");
        assertThat(verdicts("musl", "1.2.2-r0")).containsEntry("CVE-2020-28928", "FIXED 1.2.2_pre2-r0");
    }

    @Test
    void zeroWinsAndTheLowestFixCounts() {
        List<AlpineFix> fixes = List.of(
                new AlpineFix("v3.19", "main", "x", "1.0-r5", "CVE-1"),
                new AlpineFix("v3.19", "main", "x", "1.0-r2", "CVE-1"),
                new AlpineFix("v3.19", "main", "x", "2.0-r0", "CVE-2"),
                new AlpineFix("v3.19", "main", "x", null, "CVE-2"),
                new AlpineFix("v3.18", "main", "x", "9.0-r0", "CVE-3"),
                new AlpineFix("v3.19", "main", "y", "9.0-r0", "CVE-4"));
        assertThat(AlpineMatch.match("v3.19", "x", "1.0-r3", fixes)).containsExactly(
                new AlpineMatch.Verdict("CVE-1", State.FIXED, "1.0-r2"),
                new AlpineMatch.Verdict("CVE-2", State.NOT_AFFECTED, null));
    }
}
