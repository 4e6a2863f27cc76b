package dev.strata.scanner.gate;

import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.FindingStatus;
import dev.strata.scanner.vuln.match.Severity;

import java.util.List;

/** Findings of a Debian application image with a Java app, shared by the gate and writer tests. */
public final class GateFixtures {

    public static final String LAYER_OS = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public static final String LAYER_APP = "sha256:3333333333333333333333333333333333333333333333333333333333333333";
    public static final String LIBSSL = "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12";
    public static final String ZLIB = "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12";
    public static final String LIBC = "pkg:deb/debian/libc6@2.36-9+deb12u3?arch=amd64&distro=debian-12";
    public static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    public static final String JACKSON = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0";

    public static final Finding LOG4SHELL = new Finding("GHSA-jfh8-c2jp-5v3q", List.of("CVE-2021-44228"), LOG4J,
            "org.apache.logging.log4j:log4j-core", "2.14.1", "2.15.0", FindingStatus.FIXED, Severity.CRITICAL,
            "Remote code injection in Log4j", LAYER_APP, "/app/lib/log4j-core-2.14.1.jar");
    public static final Finding ZLIB_MINIZIP = new Finding("CVE-2023-45853", List.of(), ZLIB, "zlib1g",
            "1:1.2.13.dfsg-1", null, FindingStatus.WONT_FIX, Severity.CRITICAL,
            "MiniZip in zlib through 1.3 has an integer overflow", LAYER_OS, "/var/lib/dpkg/status");
    public static final Finding JACKSON_XXE = new Finding("GHSA-288c-cq4h-88gq", List.of("CVE-2020-25649"), JACKSON,
            "com.fasterxml.jackson.core:jackson-databind", "2.10.0", "2.10.5.1", FindingStatus.FIXED, Severity.HIGH,
            "XML External Entity (XXE) Injection in jackson-databind", LAYER_APP,
            "/app/lib/jackson-databind-2.10.0.jar");
    public static final Finding LOONEY_TUNABLES = new Finding("CVE-2023-4911", List.of("DSA-5514-1"), LIBC, "libc6",
            "2.36-9+deb12u3", "2.36-9+deb12u4", FindingStatus.FIXED, Severity.HIGH,
            "buffer overflow in ld.so GLIBC_TUNABLES", LAYER_OS, "/var/lib/dpkg/status");
    public static final Finding OPENSSL_PKCS12 = new Finding("CVE-2024-0727", List.of(), LIBSSL, "libssl3",
            "3.0.11-1~deb12u2", "3.0.13-1~deb12u1", FindingStatus.FIXED, Severity.MEDIUM,
            "NULL dereference processing PKCS12 files", LAYER_OS, "/var/lib/dpkg/status");
    public static final Finding OPENSSL_SESSION = new Finding("CVE-2024-2511", List.of(), LIBSSL, "libssl3",
            "3.0.11-1~deb12u2", null, FindingStatus.UNFIXED, Severity.LOW,
            "Unbounded memory growth with session handling in TLSv1.3", LAYER_OS, "/var/lib/dpkg/status");
    public static final Finding LIBC_UNRATED = new Finding("CVE-2025-0395", List.of(), LIBC, "libc6",
            "2.36-9+deb12u3", null, FindingStatus.UNFIXED, Severity.UNKNOWN, null, LAYER_OS,
            "/var/lib/dpkg/status");

    private GateFixtures() {
    }

    /** All fixture findings, most severe first, as a matcher reports them. */
    public static List<Finding> all() {
        return List.of(LOG4SHELL, ZLIB_MINIZIP, JACKSON_XXE, LOONEY_TUNABLES, OPENSSL_PKCS12, OPENSSL_SESSION,
                LIBC_UNRATED);
    }
}
