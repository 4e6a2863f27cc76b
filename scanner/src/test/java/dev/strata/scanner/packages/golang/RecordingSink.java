package dev.strata.scanner.packages.golang;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.analysis.AnalysisSink;
import java.util.ArrayList;
import java.util.List;

/** Collects findings as {@code purl path sha1} and warnings as {@code path: message}. */
final class RecordingSink implements AnalysisSink {

    final List<String> packages = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void foundPackage(DetectedPackage pkg, String sha1) {
        packages.add(pkg.purl() + " " + String.join(",", pkg.paths()) + " " + sha1);
    }

    @Override
    public void warning(String path, String message) {
        warnings.add(path + ": " + message);
    }
}
