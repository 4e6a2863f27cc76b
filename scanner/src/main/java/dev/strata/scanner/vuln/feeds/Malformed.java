package dev.strata.scanner.vuln.feeds;

/** Internal signal that one feed entry is malformed; turned into a {@link FeedWarning} by the parsers. */
final class Malformed extends Exception {

    private static final long serialVersionUID = 1L;

    Malformed(String message) {
        super(message, null, false, false);
    }
}
