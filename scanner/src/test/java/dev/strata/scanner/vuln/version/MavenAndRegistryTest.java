package dev.strata.scanner.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenAndRegistryTest {

    /** Maven's documented qualifier order (ComparableVersion javadoc), ascending. */
    private static final List<String> MAVEN_ORDER = List.of(
            "1.0-alpha-1", "1.0-alpha-2", "1.0-beta-1", "1.0-milestone-1", "1.0-rc-1", "1.0-SNAPSHOT", "1.0", "1.0-sp-1",
            "1.0-foo", "1.0.1", "1.1", "1.10", "2.0");

    @Test
    void mavenQualifierOrder() {
        OrderingChecks.assertAscending(VersionSchemes.MAVEN, MAVEN_ORDER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "1 1.0.0 0",
        "1.0-ga 1.0 0",
        "1.0-final 1.0 0",
        "1.0-cr-1 1.0-rc-1 0",
        "1.0a1 1.0-alpha-1 0",
        "2.17.0 2.17.1 -1",
        "2.15.0-rc1 2.15.0 -1",
        "5.3.18.RELEASE 5.3.18 0",
    })
    void mavenOrderings(String a, String b, int sign) {
        assertThat(Integer.signum(VersionSchemes.MAVEN.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(VersionSchemes.MAVEN.compare(b, a))).isEqualTo(-sign);
    }

    @Test
    void mavenRefusesBlank() {
        assertThat(VersionSchemes.MAVEN.isValid(" ")).isFalse();
        assertThat(VersionSchemes.MAVEN.isValid(null)).isFalse();
        assertThatThrownBy(() -> VersionSchemes.MAVEN.compare("1 0", "1.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'1 0'");
    }

    @ParameterizedTest
    @CsvSource({
        "Debian, DPKG", "Debian:12, DPKG", "Debian:sid, DPKG", "Ubuntu:22.04, DPKG", "Ubuntu:Pro:22.04:LTS, DPKG",
        "Alpine:v3.19, APK", "Wolfi, APK", "Chainguard, APK",
        "Red Hat:enterprise_linux:9::appstream, RPM", "Rocky Linux:9, RPM", "AlmaLinux:8, RPM", "SUSE:Linux Enterprise Server 15 SP5, RPM",
        "openSUSE:Tumbleweed, RPM", "Mageia:9, RPM",
        "Maven, MAVEN", "npm, SEMVER", "crates.io, SEMVER", "PyPI, PEP440", "Go, GO", "pypi, PEP440", "RubyGems, RUBYGEMS",
    })
    void mapsOsvEcosystems(String ecosystem, VersionSchemes expected) {
        assertThat(VersionSchemes.forEcosystem(ecosystem)).isEqualTo(expected);
    }

    @Test
    void unknownEcosystem() {
        assertThat(VersionSchemes.lookup("Hex")).isEmpty();
        assertThatThrownBy(() -> VersionSchemes.forEcosystem("Hex"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Hex'");
    }

    @Test
    void schemesSortLists() {
        List<String> sorted = new java.util.ArrayList<>(List.of("1.0-1", "1.0~rc1-1", "1:0.9-1", "1.0+b1-1"));
        sorted.sort(VersionSchemes.forEcosystem("Debian:12"));
        assertThat(sorted).containsExactly("1.0~rc1-1", "1.0-1", "1.0+b1-1", "1:0.9-1");
    }
}
