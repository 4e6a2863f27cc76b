package dev.strata.scanner.packages.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpkgStatusParserTest {

    private final DpkgStatusParser parser = new DpkgStatusParser();

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void realStatusSampleMatchesDpkgQuery() throws Exception {
        ParseResult<DpkgPackage> r = parser.parseStatus(TestResources.open("debian-12/status"));
        assertThat(r.warnings()).isEmpty();
        // dpkg-query -W -f '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n'
        List<String> expected = TestResources.text("debian-12/dpkg-query-expected.tsv").lines().toList();
        List<String> actual = r.items().stream()
                .map(p -> String.join("\t", p.name(), p.version(), p.architecture(), p.sourceName(),
                        p.sourceVersion()))
                .toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(actual).hasSize(29);
    }

    @Test
    void deinstalledStanzaIsSkipped() throws Exception {
        ParseResult<DpkgPackage> r = parser.parseStatus(TestResources.open("debian-12/status"));
        assertThat(r.items()).extracting(DpkgPackage::name).doesNotContain("removed-tool");
    }

    @Test
    void sourceWithVersionAndMaintainer() throws Exception {
        DpkgPackage bsdutils = parser.parseStatus(TestResources.open("debian-12/status")).items().stream()
                .filter(p -> p.name().equals("bsdutils")).findFirst().orElseThrow();
        assertThat(bsdutils.version()).isEqualTo("1:2.38.1-5+deb12u3");
        assertThat(bsdutils.sourceName()).isEqualTo("util-linux");
        assertThat(bsdutils.sourceVersion()).isEqualTo("2.38.1-5+deb12u3");
        assertThat(bsdutils.maintainer()).contains("util-linux");
        assertThat(bsdutils.toDetectedPackage("/var/lib/dpkg/status", "debian-12").purl())
                .isEqualTo("pkg:deb/debian/bsdutils@2.38.1-5%2Bdeb12u3?arch=amd64&distro=debian-12&epoch=1");
    }

    @Test
    void sourceParsing() throws Exception {
        var r = parser.parseStatus(text("""
                Package: libssl3
                Status: install ok installed
                Architecture: amd64
                Source: openssl (3.0.11-1~deb12u2)
                Version: 3.0.11-1~deb12u2+b1

                Package: libfoo
                Status: hold ok installed
                Source: foo
                Version: 2.0-1

                Package: plain
                Status: install ok installed
                Version: 1.0

                Package: half
                Status: install ok half-configured
                Version: 1.0
                """));
        assertThat(r.items()).extracting(DpkgPackage::name, DpkgPackage::sourceName, DpkgPackage::sourceVersion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("libssl3", "openssl", "3.0.11-1~deb12u2"),
                        org.assertj.core.groups.Tuple.tuple("libfoo", "foo", "2.0-1"),
                        org.assertj.core.groups.Tuple.tuple("plain", "plain", "1.0"));
        assertThat(r.items().get(2).architecture()).isNull();
    }

    @Test
    void statusDFileWithoutStatusFieldIsInstalled() throws Exception {
        var r = parser.parseStatusD(TestResources.open("debian-12/status.d-sample"));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.items()).extracting(DpkgPackage::name, DpkgPackage::version, DpkgPackage::sourceName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("base-files", "12.4+deb12u11", "base-files"),
                        org.assertj.core.groups.Tuple.tuple("libc6", "2.36-9+deb12u14", "glibc"));
        assertThat(r.items().get(1).sourceVersion()).isEqualTo("2.36-9+deb12u14");
    }

    @Test
    void missingPackageOrVersionIsSkippedWithWarning() throws Exception {
        var r = parser.parseStatus(text("""
                Package: noversion
                Status: install ok installed

                Status: install ok installed
                Version: 1.0

                Package: nostatus
                Version: 1.0

                Package: badsource
                Status: install ok installed
                Source: x (1.0
                Version: 2
                this line is garbage

                Package: good
                Status: install ok installed
                Version: 3
                """));
        assertThat(r.items()).extracting(DpkgPackage::name).containsExactly("badsource", "good");
        assertThat(r.warnings()).extracting(Object::toString).containsExactly(
                "line 14: expected 'Field: value' but found: this line is garbage",
                "line 1: stanza skipped: missing Version field (Package: noversion)",
                "line 4: stanza skipped: missing Package field",
                "line 7: stanza skipped: no Status field (Package: nostatus)",
                "line 10: malformed Source field 'x (1.0' (Package: badsource); using the binary name and version");
    }

    @Test
    void emptyAndBinaryGarbageDoNotCrash() throws Exception {
        assertThat(parser.parseStatus(text("")).items()).isEmpty();
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        var r = parser.parseStatus(new ByteArrayInputStream(junk));
        assertThat(r.items()).isEmpty();
    }
}
