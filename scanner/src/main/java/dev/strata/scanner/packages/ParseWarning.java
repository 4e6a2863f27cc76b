package dev.strata.scanner.packages;

/** A recoverable problem met while parsing; {@code line} is 1-based, or 0 when not tied to a line. */
public record ParseWarning(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
