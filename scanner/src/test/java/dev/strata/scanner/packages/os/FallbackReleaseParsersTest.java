package dev.strata.scanner.packages.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.TestResources;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackReleaseParsersTest {

    private final DebianVersionParser debian = new DebianVersionParser();
    private final AlpineReleaseParser alpine = new AlpineReleaseParser();

    @Test
    void realDebianVersionFile() throws Exception {
        // captured from this Debian 12 machine: "12.11"
        OsInfo info = debian.parse(TestResources.open("debian-12/debian_version")).orElseThrow();
        assertThat(info).isEqualTo(new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", List.of()));
        assertThat(info.purlDistro()).isEqualTo("debian-12");
    }

    @Test
    void pointReleaseAndDevelopmentMarker() {
        assertThat(debian.parse("12.5\n").orElseThrow().versionCodename()).isEqualTo("bookworm");
        assertThat(debian.parse("11.9").orElseThrow().versionId()).isEqualTo("11");
        OsInfo sid = debian.parse("bookworm/sid\n").orElseThrow();
        assertThat(sid.versionId()).isNull();
        assertThat(sid.versionCodename()).isEqualTo("bookworm");
        assertThat(sid.purlDistro()).isEqualTo("debian-bookworm");
    }

    @Test
    void unknownDebianContentIsEmpty() {
        assertThat(debian.parse("")).isEmpty();
        assertThat(debian.parse("not a version")).isEmpty();
    }

    @Test
    void realAlpineReleaseFile() throws Exception {
        OsInfo info = alpine.parse(TestResources.open("alpine-3.19/alpine-release")).orElseThrow();
        assertThat(info.versionId()).isEqualTo("3.19.1");
        assertThat(info.purlDistro()).isEqualTo("alpine-3.19");
        assertThat(alpine.parse("3.20.0_alpha20240329\n").orElseThrow().purlDistro()).isEqualTo("alpine-3.20");
        assertThat(alpine.parse("garbage")).isEmpty();
    }
}
