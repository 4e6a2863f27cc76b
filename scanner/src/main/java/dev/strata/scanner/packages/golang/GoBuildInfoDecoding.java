package dev.strata.scanner.packages.golang;

/** What decoding a Go build-info blob gave: the information, or why there is none. */
public sealed interface GoBuildInfoDecoding {

    /** The decoded build information. */
    record Decoded(GoBuildInfo info) implements GoBuildInfoDecoding {
    }

    /** The blob could not be used; {@code message} says why (old format, truncated, malformed). */
    record Unreadable(String message) implements GoBuildInfoDecoding {
    }
}
