package dev.strata.scanner.gate;

/** A VEX document that cannot be used; the message names the document and the problem. */
public final class VexFormatException extends IllegalArgumentException {

    public VexFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public VexFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
