package dev.strata.scanner.packages.analysis;

import java.util.List;

/** The paths of one {@code var/lib/dpkg/info/<package>[:<arch>].list} file ({@code architecture} may be null). */
public record DpkgFileListFinding(String path, String packageName, String architecture, List<String> files) {

    public DpkgFileListFinding {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
