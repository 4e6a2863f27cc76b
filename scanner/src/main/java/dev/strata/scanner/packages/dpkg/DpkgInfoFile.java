package dev.strata.scanner.packages.dpkg;

import java.util.Optional;

/**
 * The name of a file in {@code var/lib/dpkg/info/}: {@code <package>[:<arch>].<kind>}, e.g.
 * {@code libc6:amd64.list}. {@code architecture} is null when the name has none.
 */
public record DpkgInfoFile(String packageName, String architecture, String kind) {

    /** Splits the last path segment; empty when it has no {@code .kind} suffix. */
    public static Optional<DpkgInfoFile> ofPath(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        if (dot <= 0 || dot == file.length() - 1) {
            return Optional.empty();
        }
        String stem = file.substring(0, dot);
        String kind = file.substring(dot + 1);
        int colon = stem.indexOf(':');
        if (colon == 0) {
            return Optional.empty();
        }
        return colon > 0
                ? Optional.of(new DpkgInfoFile(stem.substring(0, colon), stem.substring(colon + 1), kind))
                : Optional.of(new DpkgInfoFile(stem, null, kind));
    }
}
