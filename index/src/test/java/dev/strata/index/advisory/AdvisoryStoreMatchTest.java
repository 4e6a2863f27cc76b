package dev.strata.index.advisory;

import static dev.strata.index.advisory.AdvisoryFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.report.OsSummary;
import dev.strata.scanner.report.PackageSummary;
import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.FindingStatus;
import dev.strata.scanner.vuln.match.Severity;
import dev.strata.scanner.vuln.match.VulnerabilityMatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store answers the matcher: real GHSA records and tracker entries imported, then matched through Lucene. */
class AdvisoryStoreMatchTest {
    private static final OsSummary DEBIAN_12 = new OsSummary("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)",
            List.of(), "debian-12");
    private static final String LAYER = "sha256:" + "a".repeat(64);

    @TempDir
    Path data;
    @TempDir
    Path work;

    private static PackageSummary pkg(String type, String ns, String name, String version, String purl,
                                      String source, String sourceVersion, String path) {
        return new PackageSummary(type, ns, name, version, purl, null, source, sourceVersion, List.of(), List.of(path),
                null, LAYER, null, null, null);
    }

    @Test
    void matcherOverTheStoreFindsExactlyTheAffectingAdvisories() throws IOException {
        new AdvisoryImporter(data).importFiles(List.of(osv(LOG4J_1), osv(LOG4J_2), osv(LODASH_1), osv(LODASH_2),
                resource("feeds/debian-tracker-excerpt.json")));
        PackageSummary log4j = pkg("maven", "org.apache.logging.log4j", "log4j-core", "2.14.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null, null, "/app/log4j-core-2.14.1.jar");
        PackageSummary log4jFixed = pkg("maven", "org.apache.logging.log4j", "log4j-core", "2.17.1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1", null, null, "/app/log4j-core-2.17.1.jar");
        PackageSummary lodash = pkg("npm", null, "lodash", "4.17.15", "pkg:npm/lodash@4.17.15", null, null,
                "/app/node_modules/lodash/package.json");

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            List<Finding> findings = new VulnerabilityMatcher(store).match(List.of(log4j, log4jFixed, lodash), DEBIAN_12)
                    .findings();
            assertThat(findings).extracting(f -> f.id() + " " + f.packagePurl() + " " + f.fixedVersion() + " "
                    + f.severity() + " " + f.status()).containsExactly(
                    "GHSA-7rjr-3q55-vv33 pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 2.16.0 CRITICAL FIXED",
                    "GHSA-jfh8-c2jp-5v3q pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 2.15.0 CRITICAL FIXED",
                    "GHSA-35jh-r3h4-6jhm pkg:npm/lodash@4.17.15 4.17.21 HIGH FIXED",
                    "GHSA-p6mc-m468-83gw pkg:npm/lodash@4.17.15 4.17.20 HIGH FIXED");
            assertThat(findings.get(1).aliases()).containsExactly("CVE-2021-44228");
            assertThat(findings.get(1).title()).isEqualTo("Remote code injection in Log4j");
        }
    }

    @Test
    void ghsaSeverityWordIsTheFallbackWithoutCvssV3() throws IOException {
        // the real record without its CVSS vector and with another database_specific rating: only the stored word decides
        String json = new String(bytes(osv(LODASH_1)), StandardCharsets.UTF_8)
                .replaceFirst("(?s)\"severity\"\\s*:\\s*\\[.*?\\],", "")
                .replace("\"severity\": \"HIGH\"", "\"severity\": \"LOW\"");
        Path file = Files.writeString(work.resolve(LODASH_1 + ".json"), json);
        new AdvisoryImporter(data).importFiles(List.of(file));
        PackageSummary lodash = pkg("npm", null, "lodash", "4.17.15", "pkg:npm/lodash@4.17.15", null, null,
                "/app/node_modules/lodash/package.json");

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            List<Finding> findings = new VulnerabilityMatcher(store).match(List.of(lodash), null).findings();
            assertThat(findings).extracting(Finding::id, Finding::severity, Finding::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LODASH_1, Severity.LOW, FindingStatus.FIXED));
        }
    }
}
