package dev.strata.scanner.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectedPackageTest {

    private static DetectedPackage os(PackageType type, String name, String version, String arch, String distro) {
        return new DetectedPackage(type, null, name, version, arch, null, null, List.of(), List.of(), distro);
    }

    @Test
    void debPurlHasDebianNamespaceArchAndDistro() {
        assertThat(os(PackageType.DEB, "libssl3", "3.0.11-1~deb12u2", "amd64", "debian-12").purl())
                .isEqualTo("pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12");
    }

    @Test
    void debEpochBecomesQualifier() {
        assertThat(os(PackageType.DEB, "login", "1:4.13+dfsg1-1+b1", "amd64", "debian-12").purl())
                .isEqualTo("pkg:deb/debian/login@4.13%2Bdfsg1-1%2Bb1?arch=amd64&distro=debian-12&epoch=1");
    }

    @Test
    void ubuntuDistroGivesUbuntuNamespace() {
        assertThat(os(PackageType.DEB, "bash", "5.1-6ubuntu1", "amd64", "ubuntu-22.04").purl())
                .isEqualTo("pkg:deb/ubuntu/bash@5.1-6ubuntu1?arch=amd64&distro=ubuntu-22.04");
    }

    @Test
    void apkPurl() {
        assertThat(os(PackageType.APK, "musl", "1.2.4_git20230717-r6", "x86_64", "alpine-3.19").purl())
                .isEqualTo("pkg:apk/alpine/musl@1.2.4_git20230717-r6?arch=x86_64&distro=alpine-3.19");
    }

    @Test
    void osPackageWithoutDistroOrArch() {
        assertThat(os(PackageType.DEB, "bash", "5.2.15-2+b2", null, null).purl())
                .isEqualTo("pkg:deb/debian/bash@5.2.15-2%2Bb2");
    }

    @Test
    void npmScopeIsNamespace() {
        var p = DetectedPackage.of(PackageType.NPM, null, "@babel/core", "7.23.0", List.of("MIT"), List.of());
        assertThat(p.purl()).isEqualTo("pkg:npm/%40babel/core@7.23.0");
        assertThat(DetectedPackage.of(PackageType.NPM, null, "lodash", "4.17.15", List.of(), List.of()).purl())
                .isEqualTo("pkg:npm/lodash@4.17.15");
    }

    @Test
    void mavenGroupIdIsNamespace() {
        var p = DetectedPackage.of(PackageType.MAVEN, "org.apache.logging.log4j", "log4j-core", "2.14.1",
                List.of(), List.of());
        assertThat(p.purl()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    }

    @Test
    void pypiNameIsPep503Normalised() {
        assertThat(DetectedPackage.normalizePypiName("Foo.Bar__baz--Qux")).isEqualTo("foo-bar-baz-qux");
        var p = DetectedPackage.of(PackageType.PYPI, null, "PyYAML", "6.0", List.of(), List.of());
        assertThat(p.purl()).isEqualTo("pkg:pypi/pyyaml@6.0");
        var q = DetectedPackage.of(PackageType.PYPI, null, "zope.interface", "5.5.2", List.of(), List.of());
        assertThat(q.purl()).isEqualTo("pkg:pypi/zope-interface@5.5.2");
    }

    @Test
    void golangModulePathSplitsAtLastSlash() {
        var p = DetectedPackage.of(PackageType.GOLANG, null, "github.com/google/uuid", "v1.6.0", List.of(),
                List.of());
        assertThat(p.purl()).isEqualTo("pkg:golang/github.com/google/uuid@v1.6.0");
    }

    @Test
    void listsAreCopiedAndNullBecomesEmpty() {
        var p = new DetectedPackage(PackageType.APK, null, "a", "1-r0", null, null, null, null, null, null);
        assertThat(p.licenses()).isEmpty();
        assertThat(p.paths()).isEmpty();
        assertThat(p.withPaths(List.of("/x")).paths()).containsExactly("/x");
        assertThat(p.withDistro("alpine-3.19").distro()).isEqualTo("alpine-3.19");
    }

    @Test
    void rpmEpochAndDistroNamespace() {
        assertThat(os(PackageType.RPM, "openssl-libs", "1:3.0.7-27.el9", "x86_64", "rhel-9").purl())
                .isEqualTo("pkg:rpm/rhel/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9&epoch=1");
    }

    @Test
    void blankNameOrVersionIsRejected() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> os(PackageType.DEB, " ", "1", null, null))
                .withMessageContaining("blank name or version");
    }
}
