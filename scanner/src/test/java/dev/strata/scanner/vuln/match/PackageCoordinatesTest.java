package dev.strata.scanner.vuln.match;

import static dev.strata.scanner.vuln.match.Packages.ALPINE_3_19;
import static dev.strata.scanner.vuln.match.Packages.DEBIAN_12;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.report.OsSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageCoordinatesTest {

    private static Coordinates.Lookup lookup(String ecosystem, String name, String version, String release) {
        return new Coordinates.Lookup(new AdvisoryKey(ecosystem, name, version, release));
    }

    @Test
    void debianPackagesUseSourceNameAndVersion() {
        assertThat(PackageCoordinates.of(Packages.deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1"), DEBIAN_12))
                .isEqualTo(lookup("Debian:12", "zlib", "1:1.2.13.dfsg-1", "bookworm"));
        assertThat(PackageCoordinates.of(Packages.deb("libssl3", "3.0.11-1~deb12u2", "openssl", null), DEBIAN_12))
                .isEqualTo(lookup("Debian:12", "openssl", "3.0.11-1~deb12u2", "bookworm"));
        assertThat(PackageCoordinates.of(Packages.deb("bash", "5.2.15-2+b2", null, null), DEBIAN_12))
                .isEqualTo(lookup("Debian:12", "bash", "5.2.15-2+b2", "bookworm"));
    }

    @Test
    void debianCodenameFallsBackToTheReleaseNumber() {
        OsSummary noCodename = new OsSummary("debian", "12", null, null, List.of(), null);
        assertThat(PackageCoordinates.of(Packages.deb("zlib1g", "1:1.2.13.dfsg-1", "zlib", "1:1.2.13.dfsg-1"), noCodename))
                .isEqualTo(lookup("Debian:12", "zlib", "1:1.2.13.dfsg-1", "bookworm"));
    }

    @Test
    void alpinePackagesUseOriginAndMinorRelease() {
        var musl = Packages.pkg("apk", "alpine", "musl-utils", "1.2.4_git20230717-r4", "pkg:apk/alpine/musl-utils",
                "musl", null, "/lib/apk/db/installed", null);
        assertThat(PackageCoordinates.of(musl, ALPINE_3_19))
                .isEqualTo(lookup("Alpine:v3.19", "musl", "1.2.4_git20230717-r4", "v3.19"));
    }

    @Test
    void osPackagesOnAnotherOsAreNotMatched() {
        assertThat(PackageCoordinates.of(Packages.deb("zlib1g", "1", "zlib", "1"), ALPINE_3_19))
                .isInstanceOf(Coordinates.NotMatched.class);
        assertThat(PackageCoordinates.of(Packages.deb("zlib1g", "1", "zlib", "1"), null))
                .isInstanceOf(Coordinates.NotMatched.class);
    }

    @Test
    void languageEcosystems() {
        assertThat(PackageCoordinates.of(Packages.maven("org.apache.logging.log4j", "log4j-core", "2.14.1", "/app.jar"), null))
                .isEqualTo(lookup("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", null));
        assertThat(PackageCoordinates.of(Packages.npm("lodash", "4.17.15", "/app/package-lock.json"), DEBIAN_12))
                .isEqualTo(lookup("npm", "lodash", "4.17.15", null));
        assertThat(PackageCoordinates.of(Packages.npm("@types/node", "20.1.0", null), null))
                .isEqualTo(lookup("npm", "@types/node", "20.1.0", null));
        assertThat(PackageCoordinates.of(Packages.pkg("pypi", null, "Zope.Interface", "6.0", "pkg:pypi/zope-interface@6.0",
                null, null, null, null), null))
                .isEqualTo(lookup("PyPI", "zope-interface", "6.0", null));
        assertThat(PackageCoordinates.of(Packages.pkg("golang", null, "golang.org/x/net", "v0.17.0",
                "pkg:golang/golang.org/x/net@v0.17.0", null, null, "/usr/bin/app", null), null))
                .isEqualTo(lookup("Go", "golang.org/x/net", "v0.17.0", null));
        assertThat(PackageCoordinates.of(Packages.pkg("golang", null, "stdlib", "1.21.4", "pkg:golang/stdlib@1.21.4",
                null, null, "/usr/bin/app", null), null))
                .isEqualTo(lookup("Go", "stdlib", "1.21.4", null));
    }

    @Test
    void pep503() {
        assertThat(PackageCoordinates.pep503("Foo__Bar.-baz")).isEqualTo("foo-bar-baz");
    }

    @Test
    void unmatchedPackagesSayWhy() {
        assertThat(PackageCoordinates.of(Packages.maven(null, "app", "1.0", "/app.jar"), null))
                .isEqualTo(new Coordinates.NotMatched("maven package without groupId"));
        var owned = Packages.pkg("pypi", null, "six", "1.16.0", "pkg:pypi/six@1.16.0", null, null,
                "/usr/lib/python3/dist-packages/six.py", "pkg:deb/debian/python3-six@1.16.0-4");
        assertThat(PackageCoordinates.of(owned, DEBIAN_12)).isEqualTo(new Coordinates.NotMatched(
                "owned by OS package pkg:deb/debian/python3-six@1.16.0-4, covered by its advisories"));
        var rpm = Packages.pkg("rpm", "redhat", "bash", "5.1.8-6.el9", "pkg:rpm/redhat/bash", null, null, null, null);
        assertThat(PackageCoordinates.of(rpm, null)).isEqualTo(new Coordinates.NotMatched("rpm advisories not supported yet"));
    }
}
