package dev.strata.scanner.packages.apk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApkInstalledParserTest {

    private final ApkInstalledParser parser = new ApkInstalledParser();

    private ParseResult<ApkPackage> real() throws Exception {
        return parser.parse(TestResources.open("alpine-3.19/installed"));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void realAlpine319DatabaseHasExactPackages() throws Exception {
        ParseResult<ApkPackage> r = real();
        assertThat(r.warnings()).isEmpty();
        // Expected values typed from the P:/V:/o: lines of the file (Alpine 3.19.1 minirootfs + gcc musl-dev).
        assertThat(r.items()).extracting(ApkPackage::name, ApkPackage::version, ApkPackage::origin).containsExactly(
                tuple("alpine-baselayout", "3.4.3-r2", "alpine-baselayout"),
                tuple("alpine-baselayout-data", "3.4.3-r2", "alpine-baselayout"),
                tuple("alpine-keys", "2.4-r1", "alpine-keys"),
                tuple("apk-tools", "2.14.0-r5", "apk-tools"),
                tuple("binutils", "2.41-r1", "binutils"),
                tuple("busybox", "1.36.1-r15", "busybox"),
                tuple("busybox-binsh", "1.36.1-r15", "busybox"),
                tuple("ca-certificates-bundle", "20230506-r0", "ca-certificates"),
                tuple("gcc", "13.2.1_git20231014-r0", "gcc"),
                tuple("gmp", "6.3.0-r0", "gmp"),
                tuple("isl26", "0.26-r1", "isl26"),
                tuple("jansson", "2.14-r4", "jansson"),
                tuple("libatomic", "13.2.1_git20231014-r0", "gcc"),
                tuple("libc-utils", "0.7.2-r5", "libc-dev"),
                tuple("libcrypto3", "3.1.4-r5", "openssl"),
                tuple("libgcc", "13.2.1_git20231014-r0", "gcc"),
                tuple("libgomp", "13.2.1_git20231014-r0", "gcc"),
                tuple("libssl3", "3.1.4-r5", "openssl"),
                tuple("libstdc++", "13.2.1_git20231014-r0", "gcc"),
                tuple("mpc1", "1.3.1-r1", "mpc1"),
                tuple("mpfr4", "4.2.1-r0", "mpfr4"),
                tuple("musl", "1.2.4_git20230717-r6", "musl"),
                tuple("musl-dev", "1.2.4_git20230717-r6", "musl"),
                tuple("musl-utils", "1.2.4_git20230717-r4", "musl"),
                tuple("scanelf", "1.3.7-r2", "pax-utils"),
                tuple("ssl_client", "1.36.1-r15", "busybox"),
                tuple("zlib", "1.3.1-r0", "zlib"),
                tuple("zstd-libs", "1.5.5-r8", "zstd"));
        assertThat(r.items().stream().map(ApkPackage::origin).distinct().count()).isEqualTo(18);
        assertThat(r.items()).allSatisfy(p -> assertThat(p.architecture()).isEqualTo("x86_64"));
    }

    @Test
    void ownedFilesJoinDirectoryAndName() throws Exception {
        ParseResult<ApkPackage> r = real();
        ApkPackage musl = r.items().stream().filter(p -> p.name().equals("musl")).findFirst().orElseThrow();
        assertThat(musl.files()).containsExactly("/lib/ld-musl-x86_64.so.1", "/lib/libc.musl-x86_64.so.1");
        assertThat(musl.license()).isEqualTo("MIT");
        assertThat(musl.description()).isEqualTo("the musl c library (libc) implementation");
        ApkPackage utils = r.items().stream().filter(p -> p.name().equals("musl-utils")).findFirst().orElseThrow();
        assertThat(utils.files()).containsExactly(
                "/sbin/ldconfig", "/usr/bin/getconf", "/usr/bin/getent", "/usr/bin/iconv", "/usr/bin/ldd");
        // grep -c '^R:' on the file
        assertThat(r.items().stream().mapToInt(p -> p.files().size()).sum()).isEqualTo(1169);
    }

    @Test
    void detectedPackageAndPurl() throws Exception {
        ApkPackage zstd = real().items().stream().filter(p -> p.name().equals("zstd-libs")).findFirst().orElseThrow();
        var d = zstd.toDetectedPackage("/lib/apk/db/installed", "alpine-3.19");
        assertThat(d.licenses()).containsExactly("BSD-3-Clause OR GPL-2.0-or-later");
        assertThat(d.sourceName()).isEqualTo("zstd");
        assertThat(d.purl()).isEqualTo("pkg:apk/alpine/zstd-libs@1.5.5-r8?arch=x86_64&distro=alpine-3.19");
    }

    @Test
    void malformedEntriesAreSkippedWithWarnings() throws Exception {
        ParseResult<ApkPackage> r = parser.parse(text("""
                P:noversion
                A:x86_64

                V:1.0-r0

                P:ok
                V:1.0-r0
                this is not a key line
                R:rootfile
                F:usr/bin
                R:a/b
                """));
        assertThat(r.items()).extracting(ApkPackage::name, ApkPackage::origin).containsExactly(tuple("ok", "ok"));
        assertThat(r.items().get(0).files()).containsExactly("/rootfile");
        assertThat(r.warnings()).extracting(Object::toString).containsExactly(
                "line 1: entry skipped: missing V: (version) for noversion",
                "line 4: entry skipped: missing P: (name)",
                "line 8: expected 'X:value' but found: this is not a key line",
                "line 11: invalid file name in R: line: 'a/b'");
    }

    @Test
    void emptyInput() throws Exception {
        assertThat(parser.parse(text("")).items()).isEmpty();
    }
}
