package dev.strata.scanner.registry;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** A registry response whose body has not been read yet: status, headers, the URI that answered, the body. */
record RegistryResponse(int status, Map<String, List<String>> headers, URI uri, BodyStream body) implements Closeable {

    /** The first value of a header (names are lower-case), or null. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a header. */
    List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** Reads a small error body (up to 64 KiB) for a message; never fails. */
    String errorText() {
        try {
            return RegistryErrors.describe(body.readAll(64 * 1024, "error body too large"), header("content-type"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        body.close();
    }
}
