package dev.strata.scanner.packages.npm;

/** Why a locked package is installed: production, development only, or optional. */
public enum NpmScope {
    PROD,
    DEV,
    OPTIONAL
}
