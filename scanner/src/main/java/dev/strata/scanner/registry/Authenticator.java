package dev.strata.scanner.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization} header for one registry: nothing until the registry asks, then HTTP Basic or
 * a Bearer token from the challenge's token server. As Docker does: with an identity token, the OAuth2
 * refresh-token grant ({@code POST realm}, falling back to GET when the server answers 404/405); otherwise
 * {@code GET realm?service=…&scope=…} with the credentials as Basic auth when there are any. Tokens are cached
 * per scope and fetched again shortly before they expire.
 */
final class Authenticator {
    /** The OAuth2 {@code client_id} Strata names itself with (Docker sends {@code docker}). */
    static final String CLIENT_ID = "strata";
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final RegistryHttp http;
    private final String registry;
    private final Credentials credentials;
    private final Clock clock;
    private final Map<String, TokenResponse> tokens = new ConcurrentHashMap<>();
    private volatile AuthChallenge challenge;
    /** The identity (refresh) token for the OAuth2 grant; a server may hand back a new one with each token. */
    private volatile String refreshToken;

    Authenticator(RegistryHttp http, String registry, Credentials credentials, Clock clock) {
        this.http = http;
        this.registry = registry;
        this.credentials = credentials;
        this.clock = clock;
        this.refreshToken = credentials == null ? null : credentials.identityToken();
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
                : credentials.describe()) + " for " + what + " (401 Unauthorized)",
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
        String service = bearer.service() != null ? bearer.service() : registry;
        URI realm = realm(bearer.realm());
        if (credentials != null && credentials.hasIdentityToken()) {
            TokenResponse posted = postRefreshToken(realm, service, scope);
            if (posted != null) {
                return posted;
            }
            // the token server has no OAuth2 POST endpoint (404/405): Docker then asks with GET
        }
        StringBuilder url = new StringBuilder(bearer.realm());
        url.append(bearer.realm().contains("?") ? '&' : '?');
        url.append("service=").append(enc(service));
        url.append("&scope=").append(enc(scope));
        URI uri = realm(url.toString());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (credentials != null && !(credentials.hasIdentityToken() && credentials.username().isEmpty())) {
            headers.put("Authorization", credentials.basicHeader());
        }
        try (RegistryResponse response = Retrying.call(http.options().retry(), "token from " + uri.getHost(),
                () -> http.send("GET", uri, headers, verify(uri)))) {
            return tokenFrom(response, uri, scope);
        }
    }

    /**
     * The OAuth2 refresh-token grant as Docker sends it ({@code POST realm}, form {@code grant_type=refresh_token,
     * refresh_token, service, scope, client_id}); null when the server answers 404 or 405 (no such endpoint).
     * A {@code refresh_token} in the answer replaces the one held for later requests.
     */
    private TokenResponse postRefreshToken(URI realm, String service, String scope) throws IOException {
        String form = "grant_type=refresh_token&refresh_token=" + enc(refreshToken) + "&service=" + enc(service)
                + "&scope=" + enc(scope) + "&client_id=" + enc(CLIENT_ID);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        try (RegistryResponse response = Retrying.call(http.options().retry(), "token from " + realm.getHost(),
                () -> http.send("POST", realm, headers, body, verify(realm)))) {
            if (response.status() == 404 || response.status() == 405) {
                return null;
            }
            TokenResponse token = tokenFrom(response, realm, scope);
            if (token.refreshToken() != null) {
                refreshToken = token.refreshToken();
            }
            return token;
        }
    }

    private TokenResponse tokenFrom(RegistryResponse response, URI uri, String scope) throws IOException {
        if (response.status() == 400 || response.status() == 401 || response.status() == 403) {
            throw new RegistryException("token server " + RegistryHttp.hostPort(uri) + " refused "
                    + (credentials == null ? "anonymous access" : credentials.describe()) + " for " + scope
                    + " (" + response.status() + ")", response.status());
        }
        if (response.status() != 200) {
            throw new RegistryException("token server " + RegistryHttp.hostPort(uri) + " answered "
                    + response.status() + tail(response.errorText()), response.status());
        }
        byte[] body = response.body().readAll(1024 * 1024, "token server answer larger than 1 MiB");
        return TokenResponse.parse(body, clock.instant());
    }

    private URI realm(String text) throws RegistryException {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(registry + " named a bad token realm '" + text + "'", 401);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new RegistryException(registry + " named a bad token realm '" + text + "'", 401);
        }
        return uri;
    }

    private boolean verify(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) && !http.options().insecure()
                && !Loopback.isLoopback(uri.getHost());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String tail(String text) {
        return text == null || text.isBlank() ? "" : ": " + text;
    }
}
