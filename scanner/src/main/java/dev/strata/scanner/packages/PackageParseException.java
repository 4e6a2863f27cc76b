package dev.strata.scanner.packages;

/** Thrown when an input cannot be parsed at all (as opposed to a recoverable {@link ParseWarning}). */
public final class PackageParseException extends Exception {

    public PackageParseException(String message) {
        super(message);
    }

    public PackageParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
