/**
 * Writers of the CI gate's outputs from a {@link dev.strata.scanner.report.format.FindingsReport}: SARIF 2.1.0
 * ({@link dev.strata.scanner.report.format.SarifWriter}), JUnit XML
 * ({@link dev.strata.scanner.report.format.JunitWriter}) and the severity-grouped text table
 * ({@link dev.strata.scanner.report.format.FindingsTable}). CycloneDX with vulnerabilities is written by
 * {@link dev.strata.scanner.sbom.CycloneDxWriter}.
 */
package dev.strata.scanner.report.format;
