package dev.strata.scanner.report.format;

import dev.strata.scanner.gate.GateEvaluator;
import dev.strata.scanner.gate.GateFixtures;
import dev.strata.scanner.gate.GatePolicy;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.gate.IgnoreRule;
import dev.strata.scanner.gate.VexMatcher;
import dev.strata.scanner.gate.VexStatement;
import dev.strata.scanner.gate.VexStatus;
import dev.strata.scanner.report.PackageSummary;
import dev.strata.scanner.vuln.match.Severity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static dev.strata.scanner.gate.GateFixtures.*;

/** A fixed gate result over {@link GateFixtures}: fail on HIGH, one ignore entry, one VEX statement, one expired. */
final class FormatFixtures {

    static final String IMAGE = "registry.example.com:5000/shop/api:1.4.2";
    static final String DIGEST = "sha256:b16cef8cbcb20935c0f052e37fc3d38dc92bfec0bcfb894c328547f81e932d67";

    private FormatFixtures() {
    }

    static GateResult gate() {
        IgnoreRule zlib = new IgnoreRule("CVE-2023-45853", null, "zlib1g", List.of(),
                "MiniZip is not built into Debian's zlib1g", LocalDate.of(2027, 3, 31), ".strataignore.yaml", 3);
        IgnoreRule expired = new IgnoreRule("CVE-2023-4911", null, null, List.of(), "no setuid binaries",
                LocalDate.of(2026, 10, 1), ".strataignore.yaml", 7);
        VexStatement log4j = new VexStatement("CVE-2021-44228", List.of(), List.of(LOG4J), List.of(),
                VexStatus.NOT_AFFECTED, "vulnerable_code_not_in_execute_path", "JndiLookup removed at build time",
                null, "vex/api.openvex.json", 0);
        return new GateEvaluator(new GatePolicy(Severity.HIGH, Set.of()), List.of(zlib, expired),
                new VexMatcher(List.of(log4j), DIGEST), LocalDate.of(2026, 11, 27)).evaluate(all());
    }

    static List<PackageSummary> packages() {
        return List.of(
                deb("libc6", "2.36-9+deb12u3", LIBC),
                deb("libssl3", "3.0.11-1~deb12u2", LIBSSL),
                deb("zlib1g", "1:1.2.13.dfsg-1", ZLIB),
                deb("bash", "5.2.15-2+b2", "pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&distro=debian-12"),
                jar("org.apache.logging.log4j", "log4j-core", "2.14.1", LOG4J, "/app/lib/log4j-core-2.14.1.jar"),
                jar("com.fasterxml.jackson.core", "jackson-databind", "2.10.0", JACKSON,
                        "/app/lib/jackson-databind-2.10.0.jar"));
    }

    static FindingsReport report() {
        return new FindingsReport(IMAGE, DIGEST, packages(), gate(), "strata", "0.1.0");
    }

    private static PackageSummary deb(String name, String version, String purl) {
        return new PackageSummary("deb", null, name, version, purl, "amd64", null, null, List.of(),
                List.of("/var/lib/dpkg/status"), "debian-12", LAYER_OS, null, null, null);
    }

    private static PackageSummary jar(String group, String name, String version, String purl, String path) {
        return new PackageSummary("maven", group, name, version, purl, null, null, null, List.of(), List.of(path),
                null, LAYER_APP, null, null, null);
    }
}
