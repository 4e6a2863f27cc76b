package dev.strata.scanner.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads test resources stored under {@code dev/strata/scanner/packages/}. */
public final class TestResources {

    private TestResources() {
    }

    public static InputStream open(String relative) {
        InputStream in = TestResources.class.getResourceAsStream("/dev/strata/scanner/packages/" + relative);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource " + relative);
        }
        return in;
    }

    public static String text(String relative) {
        try (InputStream in = open(relative)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
