package dev.strata.scanner.vuln.feeds;

import java.io.IOException;

/** A feed file that cannot be read to its end (truncated or not JSON); the message names where it broke. */
public final class FeedParseException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the place and the underlying cause. */
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
