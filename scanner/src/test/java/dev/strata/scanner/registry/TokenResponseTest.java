package dev.strata.scanner.registry;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenResponseTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static TokenResponse parse(String json) throws IOException {
        return TokenResponse.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void tokenWithExpiryFromIssuedAt() throws IOException {
        TokenResponse t = parse("{\"token\":\"abc\",\"expires_in\":300,\"issued_at\":\"2026-11-27T11:59:00Z\"}");
        assertThat(t.token()).isEqualTo("abc");
        assertThat(t.expiresAt()).isEqualTo(Instant.parse("2026-11-27T12:04:00Z"));
        assertThat(t.expiredAt(NOW, Duration.ofSeconds(10))).isFalse();
        assertThat(t.expiredAt(NOW.plusSeconds(235), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void oauthAccessTokenAndDefaultLifetime() throws IOException {
        TokenResponse t = parse("{\"access_token\":\"xyz\"}");
        assertThat(t.token()).isEqualTo("xyz");
        assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(parse("{\"token\":\"a\",\"expires_in\":5}").expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void serverClockAheadDoesNotExtendTheToken() throws IOException {
        TokenResponse t = parse("{\"token\":\"a\",\"expires_in\":120,\"issued_at\":\"2026-11-27T13:00:00Z\"}");
        assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void badAnswers() {
        assertThatThrownBy(() -> parse("<html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{\"expires_in\":3}")).hasMessageContaining("neither");
    }
}
