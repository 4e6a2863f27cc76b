package dev.strata.scanner.gate;

/** An ignore file that cannot be used; the message names the file, the line when known, and the problem. */
public final class IgnoreFileException extends IllegalArgumentException {

    public IgnoreFileException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    public IgnoreFileException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    }
}
