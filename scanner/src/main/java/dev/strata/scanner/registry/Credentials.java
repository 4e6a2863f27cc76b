package dev.strata.scanner.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A registry user name and password (or token); {@link #toString()} never shows the secret. */
public record Credentials(String username, String password) {
    public Credentials {
        if (username == null || password == null) {
            throw new IllegalArgumentException("credentials need both a user name and a password");
        }
    }

    /** The {@code Authorization} header value for HTTP Basic. */
    public String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[" + username + ", ****]";
    }
}
