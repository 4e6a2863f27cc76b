package dev.strata.scanner.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A token server's answer (distribution token spec): {@code token} or the OAuth2 {@code access_token},
 * {@code expires_in} seconds (60 when absent or below 60) from {@code issued_at} (else from receipt), and
 * the {@code refresh_token} an OAuth2 server may hand back (null when none).
 */
public record TokenResponse(String token, Instant expiresAt, String refreshToken) {
    /** The spec's default and minimum lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses {@code json} received at {@code now}; throws {@link IOException} naming what is wrong. */
    public static TokenResponse parse(byte[] json, Instant now) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IOException("token server answered with something that is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IOException("token server answered with something that is not a JSON object");
        }
        String token = text(root, "token");
        if (token == null) {
            token = text(root, "access_token");
        }
        if (token == null || token.isEmpty()) {
            throw new IOException("token server answer has neither 'token' nor 'access_token'");
        }
        long expiresIn = root.path("expires_in").canConvertToLong() ? root.path("expires_in").asLong() : 0;
        Duration lifetime = expiresIn < DEFAULT_LIFETIME.getSeconds() ? DEFAULT_LIFETIME : Duration.ofSeconds(expiresIn);
        Instant issued = now;
        String issuedAt = text(root, "issued_at");
        if (issuedAt != null) {
            try {
                Instant parsed = Instant.parse(issuedAt);
                // a server clock ahead of ours must not make the token look valid for longer
                issued = parsed.isBefore(now) ? parsed : now;
            } catch (DateTimeParseException e) {
                issued = now;
            }
        }
        String refresh = text(root, "refresh_token");
        return new TokenResponse(token, issued.plus(lifetime), refresh == null || refresh.isEmpty() ? null : refresh);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    @Override
    public String toString() {
        return "TokenResponse[****, " + expiresAt + (refreshToken == null ? "" : ", refresh token ****") + "]";
    }

    /** True when the token expires within {@code margin} of {@code now}. */
    public boolean expiredAt(Instant now, Duration margin) {
        return !now.plus(margin).isBefore(expiresAt);
    }
}
