package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.PackageType;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PackageInventoryTest {

    private static final String DEBIAN_12 = "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n";

    private static String stanza(String name, String version, String arch) {
        return "Package: " + name + "\nStatus: install ok installed\nArchitecture: " + arch
                + "\nVersion: " + version + "\n\n";
    }

    private static Optional<InstalledPackage> find(InventoryResult r, String name) {
        return r.packages().stream().filter(p -> p.pkg().name().equals(name)).findFirst();
    }

    private static List<String> nameVersions(InventoryResult r, PackageType type) {
        return r.packages().stream().filter(p -> p.pkg().type() == type)
                .map(p -> p.pkg().name() + " " + p.pkg().version()).toList();
    }

    @Test
    void dpkgInstallUpgradeRemoveAcrossThreeLayers() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("usr/lib/os-release", DEBIAN_12)
                .file("var/lib/dpkg/status", stanza("bash", "5.2.15-2+b2", "amd64")
                        + stanza("libc6", "2.36-9+deb12u3", "amd64") + stanza("tzdata", "2024a-0+deb12u1", "all")));
        stack.add(new TarBuilder().file("etc/motd", "hello")
                .file("var/lib/dpkg/status", stanza("bash", "5.2.15-2+b2", "amd64")
                        + stanza("libc6", "2.36-9+deb12u7", "amd64") + stanza("tzdata", "2024a-0+deb12u1", "all")
                        + stanza("curl", "7.88.1-10+deb12u5", "amd64")));
        stack.add(new TarBuilder().file("etc/motd", "bye")); // does not touch dpkg: the chain goes on through it
        stack.add(new TarBuilder()
                .file("var/lib/dpkg/status", stanza("bash", "5.2.15-2+b2", "amd64")
                        + stanza("libc6", "2.36-9+deb12u7", "amd64") + stanza("curl", "7.88.1-10+deb12u5", "amd64")
                        + "Package: vim\nStatus: deinstall ok config-files\nVersion: 2:9.0.1378-2\n\n"));

        InventoryResult r = stack.inventory();

        assertThat(r.os().purlDistro()).isEqualTo("debian-12");
        assertThat(nameVersions(r, PackageType.DEB))
                .containsExactly("bash 5.2.15-2+b2", "curl 7.88.1-10+deb12u5", "libc6 2.36-9+deb12u7");
        assertThat(find(r, "bash").orElseThrow().layerDiffId()).isEqualTo(stack.diffId(0));
        assertThat(find(r, "libc6").orElseThrow().layerDiffId()).isEqualTo(stack.diffId(1)); // upgraded there
        assertThat(find(r, "curl").orElseThrow().layerDiffId()).isEqualTo(stack.diffId(1));
        assertThat(find(r, "tzdata")).isEmpty(); // removed by the top layer
        assertThat(find(r, "libc6").orElseThrow().pkg().purl())
                .isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=amd64&distro=debian-12");
        assertThat(find(r, "bash").orElseThrow().pkg().paths()).containsExactly("/var/lib/dpkg/status");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void packageReinstalledAfterRemovalIsAttributedToTheReinstallingLayer() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("var/lib/dpkg/status", stanza("curl", "1.0-1", "amd64")));
        stack.add(new TarBuilder().file("var/lib/dpkg/status", ""));
        stack.add(new TarBuilder().file("var/lib/dpkg/status", stanza("curl", "1.0-1", "amd64")));
        assertThat(find(stack.inventory(), "curl").orElseThrow().layerDiffId()).isEqualTo(stack.diffId(2));
    }

    @Test
    void deletedStatusFileMeansNoDpkgPackages() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("var/lib/dpkg/status", stanza("curl", "1.0-1", "amd64")));
        stack.add(new TarBuilder().whiteout("var/lib/dpkg/status"));
        assertThat(stack.inventory().packages()).isEmpty();
    }

    @Test
    void distrolessStatusDWithoutOsRelease() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("etc/debian_version", "12.5\n")
                .file("var/lib/dpkg/status.d/base-files", "Package: base-files\nVersion: 12.4+deb12u5\n"
                        + "Architecture: amd64\n")
                .file("var/lib/dpkg/status.d/base-files.md5sums", "d41d8cd98f00b204e9800998ecf8427e  etc/issue\n")
                .file("var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\n"
                        + "Architecture: all\n"));
        stack.add(new TarBuilder()
                .file("var/lib/dpkg/status.d/libssl3", "Package: libssl3\nVersion: 3.0.11-1~deb12u2\n"
                        + "Architecture: amd64\nSource: openssl\n")
                .whiteout("var/lib/dpkg/status.d/tzdata"));

        InventoryResult r = stack.inventory();

        assertThat(r.os().id()).isEqualTo("debian");
        assertThat(r.os().purlDistro()).isEqualTo("debian-12");
        assertThat(nameVersions(r, PackageType.DEB))
                .containsExactly("base-files 12.4+deb12u5", "libssl3 3.0.11-1~deb12u2");
        InstalledPackage ssl = find(r, "libssl3").orElseThrow();
        assertThat(ssl.layerDiffId()).isEqualTo(stack.diffId(1));
        assertThat(ssl.pkg().sourceName()).isEqualTo("openssl");
        assertThat(ssl.pkg().paths()).containsExactly("/var/lib/dpkg/status.d/libssl3");
        assertThat(find(r, "base-files").orElseThrow().layerDiffId()).isEqualTo(stack.diffId(0));
    }

    @Test
    void distrolessWithoutAnyReleaseFileIsDebianOfUnknownRelease() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("var/lib/dpkg/status.d/tzdata",
                "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n"));
        InventoryResult r = stack.inventory();
        assertThat(r.os().id()).isEqualTo("debian");
        assertThat(find(r, "tzdata").orElseThrow().pkg().distro()).isEqualTo("debian");
        assertThat(r.notes()).anyMatch(n -> n.contains("distroless"));
    }

    @Test
    void apkUpgradeAndFileOwnership() {
        String base = "P:musl\nV:1.2.4_git20230717-r4\nA:x86_64\no:musl\nL:MIT\nF:lib\nR:ld-musl-x86_64.so.1\n\n"
                + "P:zlib\nV:1.3-r2\nA:x86_64\nL:Zlib\nF:lib\nR:libz.so.1.3\n\n";
        String upgraded = "P:musl\nV:1.2.4_git20230717-r4\nA:x86_64\no:musl\nL:MIT\nF:lib\nR:ld-musl-x86_64.so.1\n\n"
                + "P:zlib\nV:1.3.1-r0\nA:x86_64\nL:Zlib\nF:lib\nR:libz.so.1.3.1\n\n"
                + "P:py3-six\nV:1.16.0-r8\nA:noarch\nL:MIT\n"
                + "F:usr/lib/python3.11/site-packages/six-1.16.0.dist-info\nR:METADATA\nR:RECORD\n\n";
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("etc/alpine-release", "3.19.1\n").file("lib/apk/db/installed", base));
        stack.add(new TarBuilder().file("lib/apk/db/installed", upgraded)
                .file("usr/lib/python3.11/site-packages/six-1.16.0.dist-info/METADATA",
                        "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n"));

        InventoryResult r = stack.inventory();

        assertThat(r.os().purlDistro()).isEqualTo("alpine-3.19");
        assertThat(r.notes()).contains("distribution taken from /etc/alpine-release (no os-release)");
        assertThat(nameVersions(r, PackageType.APK))
                .containsExactly("musl 1.2.4_git20230717-r4", "py3-six 1.16.0-r8", "zlib 1.3.1-r0");
        assertThat(find(r, "musl").orElseThrow().layerDiffId()).isEqualTo(stack.diffId(0));
        assertThat(find(r, "zlib").orElseThrow().layerDiffId()).isEqualTo(stack.diffId(1));
        InstalledPackage six = find(r, "six").orElseThrow();
        assertThat(six.ownedBy()).isEqualTo("pkg:apk/alpine/py3-six@1.16.0-r8?arch=noarch&distro=alpine-3.19");
    }

    @Test
    void pythonDistInfoOwnedByADpkgPackage() {
        String dir = "usr/lib/python3/dist-packages/requests-2.28.1.dist-info";
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("etc/os-release", DEBIAN_12)
                .file("var/lib/dpkg/status", stanza("python3-requests", "2.28.1+dfsg-1", "all"))
                .file("var/lib/dpkg/info/python3-requests.list",
                        "/.\n/usr\n/usr/lib/python3/dist-packages\n/" + dir + "\n/" + dir + "/METADATA\n")
                .file(dir + "/METADATA", "Metadata-Version: 2.1\nName: requests\nVersion: 2.28.1\n"
                        + "License: Apache 2.0\n")
                .file("usr/local/lib/python3.11/dist-packages/idna-3.4.dist-info/METADATA",
                        "Metadata-Version: 2.1\nName: idna\nVersion: 3.4\n")
                .file("usr/local/lib/python3.11/dist-packages/idna-3.4.dist-info/RECORD",
                        "idna/__init__.py,sha256=abc,849\nidna-3.4.dist-info/RECORD,,\n"));

        InventoryResult r = stack.inventory();

        InstalledPackage requests = find(r, "requests").orElseThrow();
        assertThat(requests.ownedBy())
                .isEqualTo("pkg:deb/debian/python3-requests@2.28.1%2Bdfsg-1?arch=all&distro=debian-12");
        assertThat(requests.pkg().paths()).containsExactly("/" + dir + "/METADATA");
        assertThat(requests.pkg().purl()).isEqualTo("pkg:pypi/requests@2.28.1");
        InstalledPackage idna = find(r, "idna").orElseThrow();
        assertThat(idna.ownedBy()).isNull();
        assertThat(idna.layerDiffId()).isEqualTo(stack.diffId(0));
    }

    @Test
    void languagePackageDeletedByALaterWhiteoutIsNotReported() {
        String dir = "usr/local/lib/python3.11/site-packages/";
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder()
                .file(dir + "urllib3-1.26.5.dist-info/METADATA", "Name: urllib3\nVersion: 1.26.5\n")
                .file(dir + "attrs-23.1.0.dist-info/METADATA", "Name: attrs\nVersion: 23.1.0\n")
                .file(dir + "legacy-0.1.egg-info", "Metadata-Version: 1.0\nName: legacy\nVersion: 0.1\n"));
        stack.add(new TarBuilder().whiteout(dir + "urllib3-1.26.5.dist-info")
                .file(dir + "urllib3-2.0.7.dist-info/METADATA", "Name: urllib3\nVersion: 2.0.7\n")
                .file(dir + "attrs-23.1.0.dist-info/METADATA", "Name: attrs\nVersion: 23.1.0\n"));
        stack.add(new TarBuilder().whiteout(dir + "legacy-0.1.egg-info"));

        InventoryResult r = stack.inventory();

        assertThat(nameVersions(r, PackageType.PYPI)).containsExactly("attrs 23.1.0", "urllib3 2.0.7");
        assertThat(find(r, "attrs").orElseThrow().layerDiffId()).isEqualTo(stack.diffId(1)); // last writer
        assertThat(r.os()).isNull();
    }

    @Test
    void npmNestedAndScopedPackagesWithLockfileScopes() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder()
                .file("app/package.json", "{\"name\":\"shop\",\"version\":\"1.2.0\"}")
                .file("app/package-lock.json", """
                        {"name":"shop","version":"1.2.0","lockfileVersion":3,"packages":{
                          "":{"name":"shop","version":"1.2.0"},
                          "node_modules/express":{"version":"4.18.2"},
                          "node_modules/express/node_modules/qs":{"version":"6.11.0"},
                          "node_modules/@babel/core":{"version":"7.23.0","dev":true},
                          "node_modules/jest":{"version":"29.7.0","dev":true}}}
                        """)
                .file("app/node_modules/express/package.json", "{\"name\":\"express\",\"version\":\"4.18.2\"}")
                .file("app/node_modules/express/lib/package.json", "{\"name\":\"inner\",\"version\":\"0.0.1\"}")
                .file("app/node_modules/express/node_modules/qs/package.json",
                        "{\"name\":\"qs\",\"version\":\"6.11.0\",\"license\":\"BSD-3-Clause\"}")
                .file("app/node_modules/@babel/core/package.json",
                        "{\"name\":\"@babel/core\",\"version\":\"7.23.0\"}")
                .file("app/node_modules/@babel/core/test/fixtures/package.json",
                        "{\"name\":\"fixture\",\"version\":\"1.0.0\"}")
                .file("app/node_modules/@babel/package.json", "{\"name\":\"bogus\",\"version\":\"1.0.0\"}")
                .file("app/node_modules/jest/package.json", "{\"name\":\"jest\",\"version\":\"29.7.0\"}")
                .file("app/web/package.json", "{\"private\":true}"));

        InventoryResult r = stack.inventory();

        assertThat(nameVersions(r, PackageType.NPM)).containsExactly("@babel/core 7.23.0", "express 4.18.2",
                "jest 29.7.0", "qs 6.11.0", "shop 1.2.0");
        assertThat(find(r, "@babel/core").orElseThrow().pkg().purl()).isEqualTo("pkg:npm/%40babel/core@7.23.0");
        assertThat(find(r, "qs").orElseThrow().pkg().paths())
                .containsExactly("/app/node_modules/express/node_modules/qs/package.json");
        assertThat(r.notes()).contains("npm application shop@1.2.0 at /app/package.json");
        assertThat(r.notes()).contains("/app/package-lock.json marks 2 installed npm packages as not needed in"
                + " production: @babel/core@7.23.0 (dev), jest@29.7.0 (dev)");
        assertThat(r.warnings()).isEmpty(); // the nameless application package.json is not a problem
    }

    @Test
    void malformedStatusStanzaGivesAWarningAndKeepsTheRest() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("var/lib/dpkg/status", stanza("bash", "5.2.15-2+b2", "amd64")
                + "Package: broken\nStatus: install ok installed\nArchitecture: amd64\n\n"
                + stanza("zlib1g", "1:1.2.13.dfsg-1", "amd64")));

        InventoryResult r = stack.inventory();

        assertThat(nameVersions(r, PackageType.DEB)).containsExactly("bash 5.2.15-2+b2", "zlib1g 1:1.2.13.dfsg-1");
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w)
                .startsWith("/var/lib/dpkg/status: ").contains("missing Version").contains("broken"));
        assertThat(find(r, "zlib1g").orElseThrow().pkg().purl())
                .isEqualTo("pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&epoch=1");
    }

    @Test
    void warningsOfOverwrittenFilesAreDropped() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("var/lib/dpkg/status", "Package: broken\nStatus: install ok installed\n"));
        stack.add(new TarBuilder().file("var/lib/dpkg/status", stanza("bash", "5.2.15-2+b2", "amd64")));
        assertThat(stack.inventory().warnings()).isEmpty();
    }

    @Test
    void rpmDatabasesAreReportedAsNotRead() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("var/lib/rpm/Packages", "bdb")
                .file("usr/lib/sysimage/rpm/rpmdb.sqlite", "SQLite format 3\0"));
        InventoryResult r = stack.inventory();
        assertThat(r.packages()).isEmpty();
        assertThat(r.warnings()).containsExactlyInAnyOrder(
                "/usr/lib/sysimage/rpm/rpmdb.sqlite: rpm database in SQLite format not read"
                        + " (no temporary directory given)",
                "/var/lib/rpm/Packages: rpm database in BerkeleyDB/NDB format not read");
    }

    @Test
    void extraAnalyzersGetTheirFilesAndAreOwnedLikeOtherPackages() {
        FileAnalyzer jars = new FileAnalyzer() {
            @Override
            public boolean wants(String path, long size) {
                return path.endsWith(".jar");
            }

            @Override
            public void analyze(String path, InputStream content, AnalysisSink sink) throws IOException {
                String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                if (text.equals("bad")) {
                    sink.warning(path + "!/META-INF/MANIFEST.MF", "unreadable manifest");
                    return;
                }
                sink.foundPackage(DetectedPackage.of(PackageType.MAVEN, "org.example", text, "1.0", List.of(),
                        List.of(path)), "0123456789abcdef0123456789abcdef01234567");
            }
        };
        LayerStack stack = new LayerStack(List.of(jars));
        stack.add(new TarBuilder().file("etc/os-release", DEBIAN_12)
                .file("var/lib/dpkg/status", stanza("libfoo-java", "1.0-1", "all"))
                .file("var/lib/dpkg/info/libfoo-java.list", "/usr/share/java/foo.jar\n")
                .file("usr/share/java/foo.jar", "foo")
                .file("opt/app/bar.jar", "bar")
                .file("opt/app/bad.jar", "bad"));

        InventoryResult r = stack.inventory();

        InstalledPackage foo = find(r, "foo").orElseThrow();
        assertThat(foo.ownedBy()).isEqualTo("pkg:deb/debian/libfoo-java@1.0-1?arch=all&distro=debian-12");
        assertThat(foo.sha1()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(find(r, "bar").orElseThrow().ownedBy()).isNull();
        assertThat(r.warnings()).containsExactly("/opt/app/bad.jar!/META-INF/MANIFEST.MF: unreadable manifest");
    }

    @Test
    void orderIsDeterministic() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder()
                .file("var/lib/dpkg/status", stanza("zlib1g", "1", "amd64") + stanza("bash", "5", "amd64"))
                .file("srv/b/node_modules/left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}")
                .file("srv/a/node_modules/left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}"));
        InventoryResult r = stack.inventory();
        assertThat(r.packages()).extracting(p -> p.pkg().type() + " " + p.pkg().name() + " " + p.pkg().paths())
                .containsExactly("DEB bash [/var/lib/dpkg/status]", "DEB zlib1g [/var/lib/dpkg/status]",
                        "NPM left-pad [/srv/a/node_modules/left-pad/package.json]",
                        "NPM left-pad [/srv/b/node_modules/left-pad/package.json]");
    }

    @Test
    void debianPackagedNodeModulesAreNotApplications() {
        LayerStack stack = new LayerStack();
        stack.add(new TarBuilder().file("etc/os-release", DEBIAN_12)
                .file("var/lib/dpkg/status", stanza("node-semver", "7.3.8+~7.3.9-1", "all"))
                .file("var/lib/dpkg/info/node-semver.list", "/usr/share/nodejs/semver/package.json\n")
                .file("usr/share/nodejs/semver/package.json", "{\"name\":\"semver\",\"version\":\"7.3.8\"}"));
        InventoryResult r = stack.inventory();
        assertThat(r.packages().stream().filter(p -> p.pkg().name().equals("semver")).findFirst().orElseThrow()
                .ownedBy()).startsWith("pkg:deb/debian/node-semver@");
        assertThat(r.notes()).noneMatch(n -> n.contains("application"));
    }
}
