package dev.strata.scanner.packages.golang;

import java.util.Objects;

/**
 * One module of a Go binary's build information: {@code path}, {@code version} (empty for a local directory
 * replacement, {@code (devel)} for a main module built from a work tree), {@code sum} (may be empty) and the
 * module that replaced it ({@code =>} line), or null.
 */
public record GoModule(String path, String version, String sum, GoModule replacement) {

    public GoModule {
        Objects.requireNonNull(path, "path");
        version = version == null ? "" : version;
        sum = sum == null ? "" : sum;
    }

    /** Whether this module is a directory on the build machine ({@code => ../fork}) rather than a published module. */
    public boolean isLocalDirectory() {
        return version.isEmpty() && (path.startsWith("/") || path.startsWith("./") || path.startsWith("../")
                || path.matches("^[A-Za-z]:[\\\\/].*") || path.equals(".") || path.equals(".."));
    }
}
