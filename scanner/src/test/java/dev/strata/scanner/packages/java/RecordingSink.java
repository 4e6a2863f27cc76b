package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.analysis.AnalysisSink;
import java.util.ArrayList;
import java.util.List;

/** Collects findings as {@code purl path sha1} lines and warnings as {@code path: message}. */
class RecordingSink implements AnalysisSink {

    final List<String> packages = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void foundPackage(DetectedPackage pkg, String sha1) {
        // purl-spec requires a Maven namespace: a package with unknown groupId has no valid purl
        String id = pkg.namespace() == null ? "maven-no-group:" + pkg.name() + "@" + pkg.version() : pkg.purl();
        packages.add(id + " " + String.join(",", pkg.paths()) + " " + sha1);
    }

    @Override
    public void warning(String path, String message) {
        warnings.add(path + ": " + message);
    }
}
