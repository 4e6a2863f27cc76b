package dev.strata.scanner.packages.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PackageFileKindTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "/etc/os-release, OS_RELEASE",
        "/usr/lib/os-release, OS_RELEASE",
        "/etc/debian_version, DEBIAN_VERSION",
        "/var/lib/dpkg/status, DPKG_STATUS",
        "/var/lib/dpkg/status-old, none",
        "/var/lib/dpkg/status.d/libssl3, DPKG_STATUS_D",
        "/var/lib/dpkg/status.d/libssl3.md5sums, none",
        "/var/lib/dpkg/info/libc6:amd64.list, DPKG_LIST",
        "/var/lib/dpkg/info/libc6:amd64.md5sums, none",
        "/lib/apk/db/installed, APK_INSTALLED",
        "/var/lib/rpm/rpmdb.sqlite, RPM_SQLITE",
        "/var/lib/rpm/Packages, RPM_OTHER",
        "/usr/lib/sysimage/rpm/Packages.db, RPM_OTHER",
        "/app/node_modules/express/package.json, NPM_PACKAGE_JSON",
        "/app/node_modules/@babel/core/package.json, NPM_PACKAGE_JSON",
        "/app/node_modules/a/node_modules/@s/b/package.json, NPM_PACKAGE_JSON",
        "/app/node_modules/express/lib/package.json, none",
        "/app/node_modules/@babel/package.json, none",
        "/app/node_modules/@babel/core/test/package.json, none",
        "/app/package.json, NPM_PACKAGE_JSON",
        "/app/package-lock.json, NPM_LOCK",
        "/app/node_modules/.package-lock.json, NPM_LOCK",
        "/app/node_modules/x/package-lock.json, none",
        "/usr/lib/python3/dist-packages/requests-2.28.1.dist-info/METADATA, PYTHON_METADATA",
        "/usr/lib/python3/dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO, PYTHON_METADATA",
        "/usr/local/lib/python3.11/site-packages/legacy-0.1.egg-info, PYTHON_METADATA",
        "/usr/local/lib/python3.11/site-packages/six-1.16.0.dist-info/RECORD, PYTHON_RECORD",
        "/home/u/src/six-1.16.0.dist-info/METADATA, none",
    })
    void classifiesByPath(String path, PackageFileKind expected) {
        assertThat(PackageFileKind.of(path).orElse(null)).isEqualTo(expected);
    }
}
