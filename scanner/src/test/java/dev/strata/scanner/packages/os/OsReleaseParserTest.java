package dev.strata.scanner.packages.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.TestResources;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsReleaseParserTest {

    private final OsReleaseParser parser = new OsReleaseParser();

    @Test
    void realDebian12OsRelease() throws Exception {
        OsRelease r = parser.parse(TestResources.open("debian-12/os-release"));
        assertThat(r.warnings()).isEmpty();
        OsInfo info = r.osInfo().orElseThrow();
        assertThat(info).isEqualTo(new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", List.of()));
        assertThat(info.purlDistro()).isEqualTo("debian-12");
        assertThat(r.get("HOME_URL")).contains("https://www.debian.org/");
    }

    @Test
    void realAlpineOsReleaseKeepsMajorMinorInDistro() throws Exception {
        OsInfo info = parser.parse(TestResources.open("alpine-3.19/os-release")).osInfo().orElseThrow();
        assertThat(info.id()).isEqualTo("alpine");
        assertThat(info.versionId()).isEqualTo("3.19.1");
        assertThat(info.prettyName()).isEqualTo("Alpine Linux v3.19");
        assertThat(info.purlDistro()).isEqualTo("alpine-3.19");
    }

    @Test
    void quotesEscapesCommentsAndIdLike() {
        OsRelease r = parser.parse("""
                # comment
                ID=ubuntu
                ID_LIKE="debian  rhel"
                VERSION_ID='22.04'
                NAME="A \\"quoted\\" \\$name \\\\ x"
                VERSION_CODENAME=jammy
                """);
        OsInfo info = r.osInfo().orElseThrow();
        assertThat(info.idLike()).containsExactly("debian", "rhel");
        assertThat(info.isLike("debian")).isTrue();
        assertThat(info.purlDistro()).isEqualTo("ubuntu-22.04");
        assertThat(r.get("NAME")).contains("A \"quoted\" $name \\ x");
    }

    @Test
    void malformedLinesAreWarningsNamingTheLine() {
        OsRelease r = parser.parse("ID=debian\nGARBAGE\nPRETTY_NAME=\"unterminated\n1BAD=x\n");
        assertThat(r.warnings()).extracting(Object::toString).containsExactly(
                "line 2: expected KEY=value but found: GARBAGE",
                "line 3: unterminated double quote in value of PRETTY_NAME",
                "line 4: invalid key '1BAD'");
        assertThat(r.osInfo().orElseThrow().id()).isEqualTo("debian");
    }

    @Test
    void noIdMeansNoOsInfo() {
        assertThat(parser.parse("NAME=x\n").osInfo()).isEmpty();
        assertThat(parser.parse("").osInfo()).isEmpty();
    }

    @Test
    void debianTestingWithoutVersionIdUsesCodename() {
        OsInfo info = parser.parse("ID=debian\nVERSION_CODENAME=trixie\n").osInfo().orElseThrow();
        assertThat(info.purlDistro()).isEqualTo("debian-trixie");
    }
}
