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
}
