/**
 * OSV advisories (schema 1.x): an immutable model ({@link dev.strata.scanner.vuln.osv.OsvRecord}), a strict parser
 * ({@link dev.strata.scanner.vuln.osv.OsvParser}), the schema's range evaluation
 * ({@link dev.strata.scanner.vuln.osv.AffectedRangeEvaluator}, giving a {@link dev.strata.scanner.vuln.osv.Verdict}) and a reader for osv.dev's bulk export zips
 * ({@link dev.strata.scanner.vuln.osv.OsvZipReader}).
 */
package dev.strata.scanner.vuln.osv;
