package dev.strata.scanner.registry;

import dev.strata.scanner.testing.TestCertificates;
import dev.strata.scanner.testing.TokenServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token caching per scope and refresh on expiry, against the test token server (OAuth2 {@code access_token}). */
class AuthenticatorTest {
    @TempDir
    static Path dir;
    static Vertx vertx;
    static TokenServer tokens;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        tokens = TokenServer.start(vertx, TestCertificates.selfSigned(dir, "signer"), "u", "p", "access_token");
    }

    @AfterAll
    static void stop() throws Exception {
        tokens.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private static List<String> challenge() {
        return List.of("Bearer realm=\"" + tokens.realm() + "\",service=\"" + TokenServer.SERVICE + "\"");
    }

    @Test
    void tokensAreCachedPerScopeAndFetchedAgainWhenExpired() throws Exception {
        MovableClock clock = new MovableClock();
        try (RegistryHttp http = new RegistryHttp(Vertx.vertx(), true, RegistryOptions.DEFAULTS)) {
            Authenticator auth = new Authenticator(http, "127.0.0.1:1", new Credentials("u", "p"), clock);
            assertThat(auth.header("repository:a:pull")).isNull();
            auth.prime(challenge());
            int before = tokens.scopes().size();
            String first = auth.header("repository:a:pull");
            assertThat(first).startsWith("Bearer ");
            assertThat(auth.header("repository:a:pull")).isEqualTo(first);
            String other = auth.header("repository:b:pull");
            assertThat(other).startsWith("Bearer ").isNotEqualTo(first);
            assertThat(tokens.scopes().subList(before, tokens.scopes().size()))
                    .containsExactly("repository:a:pull", "repository:b:pull");
            String claims = new String(Base64.getUrlDecoder().decode(first.substring(7).split("\\.")[1]),
                    StandardCharsets.UTF_8);
            assertThat(claims).contains("\"name\":\"a\"").contains("\"pull\"");
            clock.now = clock.now.plus(Duration.ofSeconds(295)); // within 10 s of the 300 s expiry
            auth.header("repository:a:pull");
            assertThat(tokens.scopes().subList(before, tokens.scopes().size()))
                    .containsExactly("repository:a:pull", "repository:b:pull", "repository:a:pull");
        }
    }

    @Test
    void refusedCredentialsAndMissingChallenges() throws Exception {
        try (RegistryHttp http = new RegistryHttp(Vertx.vertx(), true, RegistryOptions.DEFAULTS)) {
            Authenticator wrong = new Authenticator(http, "127.0.0.1:1", new Credentials("u", "bad"), Clock.systemUTC());
            wrong.prime(challenge());
            assertThatThrownBy(() -> wrong.header("repository:a:pull")).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("refused the credentials of user 'u' for repository:a:pull (401)");
            Authenticator none = new Authenticator(http, "r.example", null, Clock.systemUTC());
            assertThatThrownBy(() -> none.unauthorized(List.of(), "s", null, "manifest x"))
                    .hasMessageContaining("without a usable WWW-Authenticate challenge");
            assertThatThrownBy(() -> none.unauthorized(List.of("Basic realm=\"r\""), "s", null, "manifest x"))
                    .hasMessageContaining("requires credentials for manifest x");
        }
    }

    @Test
    void passwordsUseGetWithBasicAuth() throws Exception {
        try (RegistryHttp http = new RegistryHttp(Vertx.vertx(), true, RegistryOptions.DEFAULTS)) {
            Authenticator auth = new Authenticator(http, "127.0.0.1:1", new Credentials("u", "p"), Clock.systemUTC());
            auth.prime(challenge());
            int before = tokens.requests().size();
            assertThat(auth.header("repository:get:pull")).startsWith("Bearer ");
            assertThat(tokens.requests().subList(before, tokens.requests().size())).containsExactly("GET basic");
        }
    }

    @Test
    void anIdentityTokenUsesTheRefreshGrantAndKeepsTheRotatedRefreshToken() throws Exception {
        try (TokenServer oauth = TokenServer.start(vertx, TestCertificates.selfSigned(dir.resolve("o1"), "signer"), "u",
                "p", "token").withRefreshTokens("rt-initial", true);
             RegistryHttp http = new RegistryHttp(Vertx.vertx(), true, RegistryOptions.DEFAULTS)) {
            Authenticator auth = new Authenticator(http, "127.0.0.1:1", Credentials.ofIdentityToken("", "rt-initial"),
                    Clock.systemUTC());
            auth.prime(List.of("Bearer realm=\"" + oauth.realm() + "\",service=\"" + TokenServer.SERVICE + "\""));
            String first = auth.header("repository:a:pull");
            String rotated = oauth.refreshToken();
            assertThat(rotated).isNotEqualTo("rt-initial");
            // the server accepts only the newest refresh token: a second scope works only if it was kept
            String second = auth.header("repository:b:pull");
            assertThat(oauth.refreshToken()).isNotEqualTo(rotated);
            assertThat(oauth.requests()).containsExactly("POST refresh_token", "POST refresh_token");
            assertThat(oauth.scopes()).containsExactly("repository:a:pull", "repository:b:pull");
            assertThat(claims(first)).contains("\"name\":\"a\"").contains("\"sub\":\"u\"");
            assertThat(claims(second)).contains("\"name\":\"b\"");

            Authenticator stale = new Authenticator(http, "127.0.0.1:1", Credentials.ofIdentityToken("", "rt-initial"),
                    Clock.systemUTC());
            stale.prime(List.of("Bearer realm=\"" + oauth.realm() + "\",service=\"" + TokenServer.SERVICE + "\""));
            assertThatThrownBy(() -> stale.header("repository:a:pull")).isInstanceOf(RegistryException.class)
                    .hasMessageContaining("refused the identity token for repository:a:pull (401)");
        }
    }

    @Test
    void withoutAPostEndpointTheIdentityTokenIsSentWithGet() throws Exception {
        try (TokenServer plain = TokenServer.start(vertx, TestCertificates.selfSigned(dir.resolve("o2"), "signer"), "u",
                "p", "token").withRefreshTokens("rt-only", false);
             RegistryHttp http = new RegistryHttp(Vertx.vertx(), true, RegistryOptions.DEFAULTS)) {
            Authenticator auth = new Authenticator(http, "127.0.0.1:1", Credentials.ofIdentityToken("u", "rt-only"),
                    Clock.systemUTC());
            auth.prime(List.of("Bearer realm=\"" + plain.realm() + "\",service=\"" + TokenServer.SERVICE + "\""));
            String header = auth.header("repository:a:pull");
            assertThat(plain.requests()).containsExactly("POST refresh_token", "GET basic");
            assertThat(claims(header)).contains("\"name\":\"a\"").contains("\"pull\"");
        }
    }

    private static String claims(String bearerHeader) {
        return new String(Base64.getUrlDecoder().decode(bearerHeader.substring(7).split("\\.")[1]),
                StandardCharsets.UTF_8);
    }
}
