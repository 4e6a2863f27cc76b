package dev.strata.scanner.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization} header for one registry: nothing until the registry asks, then HTTP Basic or
 * a Bearer token from the challenge's token server ({@code GET realm?service=…&scope=…}, with the
 * credentials as Basic auth when there are any). Tokens are cached per scope and fetched again shortly
 * before they expire.
 */
final class Authenticator {
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final RegistryHttp http;
    private final String registry;
    private final Credentials credentials;
    private final Clock clock;
    private final Map<String, TokenResponse> tokens = new ConcurrentHashMap<>();
    private volatile AuthChallenge challenge;

    Authenticator(RegistryHttp http, String registry, Credentials credentials, Clock clock) {
        this.http = http;
        this.registry = registry;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The header for a request needing {@code scope}, or null (anonymous until challenged). */
    String header(String scope) throws IOException {
        AuthChallenge c = challenge;
        if (c == null) {
            return null;
        }
        if (c instanceof AuthChallenge.Basic) {
            return credentials == null ? null : credentials.basicHeader();
        }
        AuthChallenge.Bearer bearer = (AuthChallenge.Bearer) c;
        TokenResponse token = tokens.get(scope);
        if (token == null || token.expiredAt(clock.instant(), EXPIRY_MARGIN)) {
            synchronized (this) {
                token = tokens.get(scope);
                if (token == null || token.expiredAt(clock.instant(), EXPIRY_MARGIN)) {
                    token = fetchToken(bearer, scope);
                    tokens.put(scope, token);
                }
            }
        }
        return "Bearer " + token.token();
    }

    /**
     * Learns from a {@code 401} answer to a request that carried {@code sentHeader} (null when none). Throws
     * when the registry refused what was sent, or when no usable challenge came back.
     */
    void unauthorized(List<String> wwwAuthenticate, String scope, String sentHeader, String what) throws IOException {
        AuthChallenge chosen = null;
        for (String header : wwwAuthenticate) {
            for (AuthChallenge c : AuthChallenge.parse(header)) {
                if (c instanceof AuthChallenge.Bearer || chosen == null) {
                    chosen = c;
                }
            }
        }
        if (chosen == null) {
            throw new RegistryException(registry + " answered 401 Unauthorized to " + what
                    + " without a usable WWW-Authenticate challenge", 401);
        }
        if (sentHeader != null) {
            if (chosen instanceof AuthChallenge.Basic || credentials == null) {
                throw refused(what);
            }
            // a Bearer token was refused: it may have expired early; drop it so one fresh token is tried
            if (sentHeader.startsWith("Bearer ") && tokens.remove(scope) == null) {
                throw refused(what);
            }
        }
        if (chosen instanceof AuthChallenge.Basic && credentials == null) {
            throw new RegistryException(registry + " requires credentials for " + what
                    + "; pass --username/--password, set STRATA_REGISTRY_USERNAME/PASSWORD or run docker login", 401);
        }
        challenge = chosen;
    }

    private RegistryException refused(String what) {
        return new RegistryException(registry + " refused " + (credentials == null ? "anonymous access"
                : "the credentials of user '" + credentials.username() + "'") + " for " + what + " (401 Unauthorized)",
                401);
    }

    /** Whether a challenge was learned (later requests then carry a header from the start). */
    boolean challenged() {
        return challenge != null;
    }

    /** Records the challenge of a {@code /v2/} ping up front (no scope yet). */
    void prime(List<String> wwwAuthenticate) {
        for (String header : wwwAuthenticate) {
            try {
                for (AuthChallenge c : AuthChallenge.parse(header)) {
                    if (c instanceof AuthChallenge.Bearer || challenge == null) {
                        challenge = c;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a broken challenge on the ping: the real request will fail with the message
            }
        }
    }

    private TokenResponse fetchToken(AuthChallenge.Bearer bearer, String scope) throws IOException {
        StringBuilder url = new StringBuilder(bearer.realm());
        url.append(bearer.realm().contains("?") ? '&' : '?');
        String service = bearer.service() != null ? bearer.service() : registry;
        url.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        url.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        URI uri;
        try {
            uri = URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(registry + " named a bad token realm '" + bearer.realm() + "'", 401);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new RegistryException(registry + " named a bad token realm '" + bearer.realm() + "'", 401);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (credentials != null) {
            headers.put("Authorization", credentials.basicHeader());
        }
        boolean verify = "https".equalsIgnoreCase(uri.getScheme()) && !http.options().insecure()
                && !Loopback.isLoopback(uri.getHost());
        try (RegistryResponse response = Retrying.call(http.options().retry(), "token from " + uri.getHost(),
                () -> http.send("GET", uri, headers, verify))) {
            if (response.status() == 401 || response.status() == 403) {
                throw new RegistryException("token server " + RegistryHttp.hostPort(uri) + " refused "
                        + (credentials == null ? "anonymous access" : "the credentials of user '"
                        + credentials.username() + "'") + " for " + scope + " (" + response.status() + ")",
                        response.status());
            }
            if (response.status() != 200) {
                throw new RegistryException("token server " + RegistryHttp.hostPort(uri) + " answered "
                        + response.status() + tail(response.errorText()), response.status());
            }
            byte[] body = response.body().readAll(1024 * 1024, "token server answer larger than 1 MiB");
            return TokenResponse.parse(body, clock.instant());
        }
    }

    static String tail(String text) {
        return text == null || text.isBlank() ? "" : ": " + text;
    }
}
