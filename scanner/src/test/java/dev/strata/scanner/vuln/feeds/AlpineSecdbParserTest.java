package dev.strata.scanner.vuln.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlpineSecdbParserTest {

    /** Collects everything a parse delivers. */
    static final class Collector implements AlpineSecdbParser.Listener {
        final List<AlpineFix> fixes = new ArrayList<>();
        final List<FeedWarning> warnings = new ArrayList<>();

        @Override
        public void fix(AlpineFix fix) {
            fixes.add(fix);
        }

        @Override
        public void warning(FeedWarning warning) {
            warnings.add(warning);
        }

        Set<String> of(String origin) {
            return fixes.stream().filter(f -> f.origin().equals(origin))
                    .map(f -> (f.notAffected() ? "0" : f.fixedVersion()) + " " + f.id()).collect(Collectors.toSet());
        }
    }

    static Collector parse(String resource) throws IOException {
        Collector c = new Collector();
        try (InputStream in = FeedResources.open(resource)) {
            new AlpineSecdbParser().parse(in, c);
        }
        return c;
    }

    @Test
    void readsTheV319Excerpt() throws IOException {
        Collector c = parse("alpine-secdb-v3.19-main-excerpt.json");
        assertThat(c.warnings).isEmpty();
        assertThat(c.fixes).allSatisfy(f -> {
            assertThat(f.distroVersion()).isEqualTo("v3.19");
            assertThat(f.repoName()).isEqualTo("main");
        });
        assertThat(c.of("zlib")).containsExactlyInAnyOrder("1.2.12-r2 CVE-2022-37434", "1.2.12-r0 CVE-2018-25032");
        assertThat(c.of("musl")).containsExactlyInAnyOrder(
                "1.2.2_pre2-r0 CVE-2020-28928", "1.1.23-r2 CVE-2019-14697", "1.1.15-r4 CVE-2016-8859");
        assertThat(c.of("busybox")).contains("1.35.0-r7 ALPINE-13661", "1.35.0-r7 CVE-2022-28391",
                "0 CVE-2021-42373", "0 CVE-2021-42376", "0 CVE-2021-42377").hasSize(25);
        assertThat(c.of("openssl")).contains("0 CVE-2022-2274", "3.1.4-r5 CVE-2024-0727").hasSize(28);
    }

    @Test
    void splitsMultiIdStringsAndAcceptsEmptyObjects() throws IOException {
        Collector c = parse("alpine-secdb-quirks.json");
        assertThat(c.warnings).isEmpty();
        assertThat(c.of("xen")).containsExactlyInAnyOrder(
                "4.10.0-r1 XSA-248", "4.10.0-r2 CVE-2018-7540", "4.10.0-r2 XSA-252");
        assertThat(c.of("heimdal")).containsExactly("7.4.0-r2 CVE-2017-17439");
        assertThat(c.of("nosecfixes")).isEmpty();
        // packages came before distroversion in this file: still tagged with it
        assertThat(c.fixes).allSatisfy(f -> assertThat(f.distroVersion()).isEqualTo("v3.7"));
    }

    @Test
    void malformedEntriesBecomeWarnings() throws IOException {
        Collector c = parse("alpine-secdb-malformed.json");
        assertThat(c.fixes.stream().map(f -> f.origin() + " " + f.fixedVersion() + " " + f.id()))
                .containsExactlyInAnyOrder("badversion 1.0-r1 CVE-2000-0003", "badids 1.0-r2 CVE-2000-0004");
        assertThat(c.warnings.stream().map(FeedWarning::toString)).containsExactlyInAnyOrder(
                "#0 *: package without a name",
                "#1 *: no 'pkg' object",
                "badlist *: 'secfixes' is not an object",
                "badversion not a version: invalid apk version",
                "badids 1.0-r2: non-string ids skipped: 42",
                "badids 1.0-r3: ids are neither a list nor {}: \"CVE-2000-0005\"",
                "badids 1.0-r4: ids are neither a list nor {}: {\"x\":1}");
    }

    @Test
    void truncatedFileNamesWhereItBroke() {
        byte[] all = FeedResources.bytes("alpine-secdb-v3.19-main-excerpt.json");
        String text = new String(all, StandardCharsets.UTF_8);
        byte[] head = Arrays.copyOf(all, text.indexOf("CVE-2023-6237"));
        Collector c = new Collector();
        assertThatThrownBy(() -> new AlpineSecdbParser().parse(new ByteArrayInputStream(head), c))
                .isInstanceOf(FeedParseException.class)
                .hasMessageMatching("(?s).*line \\d+, column \\d+.*")
                .hasMessageContaining("entry #2");
        assertThat(c.of("musl")).hasSize(3);
        assertThat(c.of("openssl")).isEmpty();
    }

    @Test
    void missingDistroVersionIsRefused() {
        String json = "{\"packages\": [{\"pkg\": {\"name\": \"zlib\", \"secfixes\": {\"1.2.12-r2\": [\"CVE-2022-37434\"]}}}]}";
        assertThatThrownBy(() -> new AlpineSecdbParser().parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new Collector()))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("distroversion");
    }
}
