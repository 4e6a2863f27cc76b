/**
 * SBOM output: {@link dev.strata.scanner.sbom.CycloneDxWriter} (CycloneDX 1.6 JSON) and
 * {@link dev.strata.scanner.sbom.SpdxWriter} (SPDX 2.3 JSON) of an {@link dev.strata.scanner.sbom.SbomInput}.
 */
package dev.strata.scanner.sbom;
