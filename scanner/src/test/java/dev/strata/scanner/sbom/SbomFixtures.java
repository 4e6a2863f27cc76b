package dev.strata.scanner.sbom;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.PackageType;
import dev.strata.scanner.packages.os.OsInfo;

import java.time.Instant;
import java.util.List;

/** A realistic package set of a Debian-based application image, shared by the SBOM writer tests. */
final class SbomFixtures {

    static final String DIGEST = "sha256:b16cef8cbcb20935c0f052e37fc3d38dc92bfec0bcfb894c328547f81e932d67";
    static final String CONFIG = "sha256:2e938d61e9fe5a9c8ca8a4a5e7a3a5f0d3d5a4c2a8e35e25c35f2b7b7e96a3a1";
    static final String L1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    static final String L2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    static final String L3 = "sha256:3333333333333333333333333333333333333333333333333333333333333333";
    static final String JACKSON_DEB =
            "pkg:deb/debian/libjackson2-databind-java@2.14.0-1?arch=all&distro=debian-12";
    static final Instant TIMESTAMP = Instant.parse("2026-11-27T10:15:30Z");
    static final OsInfo DEBIAN = new OsInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", List.of());
    static final SbomInput.Image IMAGE = new SbomInput.Image("registry.example.com:5000/shop/api:1.4.2",
            DIGEST, CONFIG, "linux/amd64", List.of("registry.example.com:5000/shop/api:1.4.2"),
            "2026-11-20T08:00:00Z");

    private SbomFixtures() {
    }

    static SbomInput input() {
        return new SbomInput(IMAGE, DEBIAN, packages(), "strata", "0.1.0", TIMESTAMP);
    }

    static List<InstalledPackage> packages() {
        String status = "/var/lib/dpkg/status";
        return List.of(
                deb("libc6", "amd64", "2.36-9+deb12u4", "glibc", null, List.of("GPL-2+", "LGPL-2.1"), status),
                deb("bsdutils", "amd64", "1:2.38.1-5+deb12u1", "util-linux", "2.38.1-5+deb12u1",
                        List.of("BSD-4-Clause", "GPL-2+", "public-domain"), status),
                deb("zlib1g", "amd64", "1:1.2.13.dfsg-1", "zlib", "1.2.13.dfsg-1", List.of("Zlib"), status),
                deb("libjackson2-databind-java", "all", "2.14.0-1", "jackson-databind", null, List.of("Apache-2.0"), status),
                new InstalledPackage(new DetectedPackage(PackageType.APK, null, "musl", "1.2.4-r2", "x86_64",
                        "musl", null, List.of("MIT"), List.of("/lib/apk/db/installed"), "alpine-3.19"), L1, null, null),
                lang(PackageType.NPM, null, "@babel/core", "7.23.9", List.of("MIT"),
                        "/app/node_modules/@babel/core/package.json", L3, null, null),
                lang(PackageType.NPM, null, "lodash", "4.17.21", List.of("MIT"),
                        "/app/node_modules/lodash/package.json", L3, null, null),
                lang(PackageType.NPM, null, "lodash", "4.17.21", List.of("MIT"),
                        "/app/node_modules/legacy-ui/node_modules/lodash/package.json", L3, null, null),
                lang(PackageType.NPM, null, "shop-internal", "3.0.0", List.of("Acme Proprietary License"),
                        "/app/node_modules/shop-internal/package.json", L3, null, null),
                lang(PackageType.MAVEN, "org.apache.commons", "commons-lang3", "3.14.0",
                        List.of("Apache License, Version 2.0"), "/app/lib/commons-lang3-3.14.0.jar", L3, null,
                        "1ed471194b02f2c6cb734a0cd6f6f107c673afae"),
                lang(PackageType.MAVEN, "com.fasterxml.jackson.core", "jackson-databind", "2.14.0",
                        List.of("Apache-2.0"), "/usr/share/java/jackson-databind.jar", L2, JACKSON_DEB,
                        "4A5E1E47C9F3BD9E1ADDF4B6E1C7E1C48B5E2A3D"),
                lang(PackageType.PYPI, null, "Requests", "2.31.0", List.of("Apache 2.0"),
                        "/usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA", L2, null, null),
                lang(PackageType.PYPI, null, "cryptography", "42.0.5", List.of("Apache-2.0 OR BSD-3-Clause"),
                        "/usr/lib/python3/dist-packages/cryptography-42.0.5.dist-info/METADATA", L2, null, null),
                lang(PackageType.PYPI, null, "six", "1.16.0", List.of("BSD"),
                        "/usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA", L2, null, null),
                lang(PackageType.GOLANG, null, "github.com/sirupsen/logrus", "v1.9.3", List.of(),
                        "/usr/local/bin/api", L3, null, null));
    }

    private static InstalledPackage deb(String name, String arch, String version, String source, String sourceVersion,
                                        List<String> licenses, String path) {
        return new InstalledPackage(new DetectedPackage(PackageType.DEB, null, name, version, arch, source,
                sourceVersion, licenses, List.of(path), "debian-12"), L1, null, null);
    }

    private static InstalledPackage lang(PackageType type, String namespace, String name, String version,
                                         List<String> licenses, String path, String layer, String ownedBy,
                                         String sha1) {
        return new InstalledPackage(DetectedPackage.of(type, namespace, name, version, licenses, List.of(path)),
                layer, ownedBy, sha1);
    }
}
