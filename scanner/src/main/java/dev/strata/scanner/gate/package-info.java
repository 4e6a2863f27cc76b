/**
 * The CI gate: which findings count ({@link dev.strata.scanner.gate.GatePolicy}), which are suppressed by an
 * ignore file ({@link dev.strata.scanner.gate.IgnoreFileParser}) or by VEX statements
 * ({@link dev.strata.scanner.gate.VexParser}), and the verdict ({@link dev.strata.scanner.gate.GateEvaluator},
 * {@link dev.strata.scanner.gate.GateVerdict}). Pure code: files are read by the caller.
 */
package dev.strata.scanner.gate;
