/**
 * Vulnerability matching: maps detected packages to advisory keys ({@link dev.strata.scanner.vuln.match.PackageCoordinates}),
 * evaluates the advisories an {@link dev.strata.scanner.vuln.match.AdvisorySource} returns
 * ({@link dev.strata.scanner.vuln.match.VulnerabilityMatcher}) and filters the resulting findings
 * ({@link dev.strata.scanner.vuln.match.FindingFilters}).
 */
package dev.strata.scanner.vuln.match;
