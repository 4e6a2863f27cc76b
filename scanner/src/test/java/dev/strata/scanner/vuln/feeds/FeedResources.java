package dev.strata.scanner.vuln.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the feed excerpts kept next to these tests. */
final class FeedResources {

    private FeedResources() {
    }

    static InputStream open(String name) {
        InputStream in = FeedResources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
