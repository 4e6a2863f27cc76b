package dev.strata.scanner.report.format;

import dev.strata.scanner.gate.GateEvaluator;
import dev.strata.scanner.gate.GateFixtures;
import dev.strata.scanner.gate.GatePolicy;
import dev.strata.scanner.gate.GateResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsTableTest {

    private static final String EXPECTED = """
            HIGH (2)
            ID                   PACKAGE                                      INSTALLED         FIXED             STATUS   TITLE
            GHSA-288c-cq4h-88gq  com.fasterxml.jackson.core:jackson-databind  2.10.0            2.10.5.1          fixed    XML External Entity (XXE) Injection in jackson-databind
            CVE-2023-4911        libc6                                        2.36-9+deb12u3    2.36-9+deb12u4    fixed    buffer overflow in ld.so GLIBC_TUNABLES

            MEDIUM (1)
            ID                   PACKAGE                                      INSTALLED         FIXED             STATUS   TITLE
            CVE-2024-0727        libssl3                                      3.0.11-1~deb12u2  3.0.13-1~deb12u1  fixed    NULL dereference processing PKCS12 files

            LOW (1)
            ID                   PACKAGE                                      INSTALLED         FIXED             STATUS   TITLE
            CVE-2024-2511        libssl3                                      3.0.11-1~deb12u2                    unfixed  Unbounded memory growth with session handling in TLSv1.3

            UNKNOWN (1)
            ID                   PACKAGE                                      INSTALLED         FIXED             STATUS   TITLE
            CVE-2025-0395        libc6                                        2.36-9+deb12u3                      unfixed

            Suppressed (2)
            ID                   PACKAGE                              INSTALLED        BY                    REASON
            GHSA-jfh8-c2jp-5v3q  org.apache.logging.log4j:log4j-core  2.14.1           vex/api.openvex.json  VEX not_affected: vulnerable_code_not_in_execute_path (JndiLookup removed at build time)
            CVE-2023-45853       zlib1g                               1:1.2.13.dfsg-1  .strataignore.yaml:3  MiniZip is not built into Debian's zlib1g

            Expired ignore entries (1): no longer suppress
            .strataignore.yaml:7  CVE-2023-4911  expired 2026-10-01: no setuid binaries

            Total: 5 vulnerabilities (CRITICAL 0, HIGH 2, MEDIUM 1, LOW 1, UNKNOWN 1), 2 suppressed
            """;

    @Test
    void layoutOfAFixedReport() {
        assertThat(new FindingsTable().render(FormatFixtures.gate(), false)).isEqualTo(EXPECTED);
    }

    @Test
    void colourOnlyWrapsTheSeverityHeadings() {
        String coloured = new FindingsTable().render(FormatFixtures.gate(), true);
        assertThat(coloured).contains("\u001b[31mHIGH (2)\u001b[0m\n").contains("\u001b[33mMEDIUM (1)\u001b[0m\n");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(EXPECTED);
        assertThat(new FindingsTable().render(FormatFixtures.gate(), false)).doesNotContain("\u001b");
    }

    @Test
    void longTitlesAreCutAndNoFindingsIsOneLine() {
        GateResult none = new GateEvaluator(GatePolicy.none(), List.of(), null, LocalDate.of(2026, 11, 27))
                .evaluate(List.of());
        assertThat(new FindingsTable().render(none, true))
                .isEqualTo("Total: 0 vulnerabilities (CRITICAL 0, HIGH 0, MEDIUM 0, LOW 0, UNKNOWN 0)\n");
        var f = GateFixtures.OPENSSL_SESSION;
        var longTitle = new dev.strata.scanner.vuln.match.Finding(f.id(), f.aliases(), f.packagePurl(),
                f.packageName(), f.installedVersion(), null, f.status(), f.severity(), "x".repeat(80), null, null);
        String text = new FindingsTable().render(new GateEvaluator(GatePolicy.none(), List.of(), null,
                LocalDate.of(2026, 11, 27)).evaluate(List.of(longTitle)), false);
        assertThat(text).contains("x".repeat(57) + "...\n").doesNotContain("x".repeat(58));
    }
}
