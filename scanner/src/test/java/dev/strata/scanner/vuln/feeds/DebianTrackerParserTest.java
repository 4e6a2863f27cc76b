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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DebianTrackerParserTest {

    /** Collects everything a parse delivers. */
    static final class Collector implements DebianTrackerParser.Listener {
        final List<DebianAdvisory> advisories = new ArrayList<>();
        final List<FeedWarning> warnings = new ArrayList<>();

        @Override
        public void advisory(DebianAdvisory advisory) {
            advisories.add(advisory);
        }

        @Override
        public void warning(FeedWarning warning) {
            warnings.add(warning);
        }

        Set<String> keys() {
            return advisories.stream().map(a -> a.sourcePackage() + "/" + a.id() + "/" + a.release())
                    .collect(Collectors.toSet());
        }

        DebianAdvisory get(String id, String release) {
            return advisories.stream().filter(a -> a.id().equals(id) && a.release().equals(release)).findFirst()
                    .orElseThrow();
        }
    }

    static Collector parse(String resource, Set<String> releases) throws IOException {
        Collector c = new Collector();
        try (InputStream in = FeedResources.open(resource)) {
            DebianTrackerParser.Summary s = new DebianTrackerParser(releases).parse(in, c);
            assertThat(s.advisories()).isEqualTo(c.advisories.size());
            assertThat(s.warnings()).isEqualTo(c.warnings.size());
        }
        return c;
    }

    @Test
    void readsEveryReleaseWithoutFilter() throws IOException {
        Collector c = parse("debian-tracker-excerpt.json", Set.of());
        assertThat(c.warnings).isEmpty();
        assertThat(c.keys()).containsExactlyInAnyOrder(
                "zlib/CVE-2018-25032/bookworm", "zlib/CVE-2018-25032/bullseye",
                "zlib/CVE-2022-37434/bookworm", "zlib/CVE-2022-37434/bullseye",
                "zlib/CVE-2023-45853/bookworm", "zlib/CVE-2023-45853/trixie",
                "libz-mingw-w64/CVE-2022-37434/bookworm", "libz-mingw-w64/CVE-2022-37434/bullseye",
                "openssl/CVE-2007-6755/bookworm",
                "openssl/CVE-2022-3602/bookworm", "openssl/CVE-2022-3602/bullseye",
                "openssl/CVE-2023-0464/bookworm",
                "openssl/CVE-2023-5678/bookworm", "openssl/CVE-2023-5678/bullseye",
                "openssl/CVE-2024-2511/bookworm",
                "openssl/CVE-2024-4741/bookworm", "openssl/CVE-2024-4741/bullseye",
                "openssl/CVE-2024-5535/bookworm");
    }

    @Test
    void releaseFilterKeepsOnlyThatRelease() throws IOException {
        Collector c = parse("debian-tracker-excerpt.json", Set.of("bullseye"));
        assertThat(c.keys()).containsExactlyInAnyOrder(
                "zlib/CVE-2018-25032/bullseye", "zlib/CVE-2022-37434/bullseye",
                "libz-mingw-w64/CVE-2022-37434/bullseye", "openssl/CVE-2022-3602/bullseye",
                "openssl/CVE-2023-5678/bullseye", "openssl/CVE-2024-4741/bullseye");
    }

    @Test
    void mapsStatusFixedVersionUrgencyAndNoDsa() throws IOException {
        Collector c = parse("debian-tracker-excerpt.json", Set.of());

        DebianAdvisory fixed = c.get("CVE-2022-37434", "bookworm");
        assertThat(fixed.status()).isEqualTo(DebianStatus.FIXED);
        assertThat(fixed.fixedVersion()).isEqualTo("1:1.2.11.dfsg-4.1");
        assertThat(fixed.debianBug()).isEqualTo(1016710L);
        assertThat(fixed.scope()).isNull();
        assertThat(fixed.cve()).isTrue();
        assertThat(fixed.repositories()).isEqualTo(Map.of("bookworm", "1:1.2.13.dfsg-1"));

        DebianAdvisory open = c.get("CVE-2023-45853", "bookworm");
        assertThat(open.status()).isEqualTo(DebianStatus.OPEN);
        assertThat(open.fixedVersion()).isNull();
        assertThat(open.noDsa()).isNull();
        assertThat(open.description()).startsWith("MiniZip in zlib through 1.3");

        DebianAdvisory notAffected = c.get("CVE-2022-3602", "bullseye");
        assertThat(notAffected.status()).isEqualTo(DebianStatus.NOT_AFFECTED);
        assertThat(notAffected.fixedVersion()).isNull();

        assertThat(c.get("CVE-2007-6755", "bookworm").urgency()).isEqualTo("unimportant");
        DebianAdvisory postponed = c.get("CVE-2024-4741", "bookworm");
        assertThat(postponed.noDsaReason()).isEqualTo("postponed");
        assertThat(postponed.noDsa()).isEqualTo("Minor issue, fix along with next update round");
        DebianAdvisory noDsa = c.advisories.stream().filter(a -> a.sourcePackage().equals("libz-mingw-w64")
                && a.release().equals("bullseye")).findFirst().orElseThrow();
        assertThat(noDsa.noDsa()).isEqualTo("Minor issue");
        assertThat(noDsa.noDsaReason()).isEmpty();
    }

    @Test
    void mapsTheConstructedRuleCases() throws IOException {
        Collector c = parse("debian-tracker-rules.json", Set.of());
        assertThat(c.warnings).isEmpty();
        assertThat(c.get("CVE-2099-0002", "bookworm").urgency()).isEqualTo("high");
        assertThat(c.get("CVE-2099-0002", "bookworm").nextPointUpdate()).isTrue();
        assertThat(c.get("CVE-2099-0002", "bookworm").scope()).isEqualTo("remote");
        assertThat(c.get("CVE-2099-0003", "bookworm").noDsaReason()).isEqualTo("ignored");
        assertThat(c.get("CVE-2099-0001", "bookworm").status()).isEqualTo(DebianStatus.UNDETERMINED);

        DebianAdvisory temp = c.get("TEMP-0000000-7A0F1B", "bookworm");
        assertThat(temp.cve()).isFalse();
        assertThat(temp.status()).isEqualTo(DebianStatus.OPEN);
    }

    @Test
    void malformedEntriesBecomeWarningsNamingPackageAndId() throws IOException {
        Collector c = parse("debian-tracker-malformed.json", Set.of());
        assertThat(c.keys()).containsExactlyInAnyOrder("zlib/CVE-2022-37434/bookworm", "zlib/CVE-2000-0003/buster");
        Set<String> warnings = c.warnings.stream().map(FeedWarning::toString).collect(Collectors.toSet());
        assertThat(warnings).hasSize(10).contains(
                "zlib CVE-2000-0001: no 'releases' object",
                "zlib CVE-2000-0002: no 'releases' object",
                "zlib CVE-2000-0003: release 'bookworm': 'status' is not a string: 1",
                "zlib CVE-2000-0003: release 'bullseye': resolved without 'fixed_version'",
                "zlib CVE-2000-0003: release 'sid': unknown status 'fixed-ish'",
                "zlib CVE-2000-0003: release 'forky': open but has fixed_version '1.3-1'",
                "zlib CVE-2000-0004: entry is not an object",
                "broken-package *: package value is not an object",
                "openssl CVE-2000-0005: 'debianbug' is not a number: \"nine\"");
        assertThat(warnings).anyMatch(w -> w.startsWith("zlib CVE-2000-0003: release 'trixie': bad fixed_version"));
    }

    @Test
    void truncatedFileNamesWhereItBrokeAfterDeliveringWhatCameBefore() {
        byte[] all = FeedResources.bytes("debian-tracker-excerpt.json");
        String text = new String(all, StandardCharsets.UTF_8);
        int cut = text.indexOf("\"fixed_version\": \"3.0.13-1~deb12u1\"");
        assertThat(cut).isPositive();
        byte[] head = Arrays.copyOf(all, text.substring(0, cut).getBytes(StandardCharsets.UTF_8).length);
        Collector c = new Collector();
        assertThatThrownBy(() -> new DebianTrackerParser().parse(new ByteArrayInputStream(head), c))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("package 'openssl'")
                .hasMessageContaining("entry 'CVE-2023-5678'")
                .hasMessageMatching("(?s).*line \\d+, column \\d+.*");
        assertThat(c.keys()).contains("zlib/CVE-2023-45853/bookworm", "openssl/CVE-2023-0464/bookworm")
                .doesNotContain("openssl/CVE-2023-5678/bookworm");
    }

    @Test
    void truncatedBetweenEntriesNamesThePackage() {
        String json = "{\"zlib\": {\"CVE-2022-37434\": {\"releases\": {\"bookworm\": {\"status\": \"open\"}}},";
        assertThatThrownBy(() -> new DebianTrackerParser().parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new Collector()))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("package 'zlib'");
    }

    @Test
    void notAnObjectIsRefused() {
        assertThatThrownBy(() -> new DebianTrackerParser().parse(
                new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8)), new Collector()))
                .isInstanceOf(FeedParseException.class);
    }
}
