package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.DetectedPackage;

/** Receives what file analysers find in one layer. */
public interface AnalysisSink {
    /** A package found in the file being analysed; {@code sha1} is the archive's SHA-1 hex for Java archives, else null. */
    void foundPackage(DetectedPackage pkg, String sha1);

    /** A problem with one file (or an entry inside it) that was skipped; {@code path} names it. */
    void warning(String path, String message);
}
