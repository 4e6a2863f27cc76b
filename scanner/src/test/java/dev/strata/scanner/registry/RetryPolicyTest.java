package dev.strata.scanner.registry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofSeconds(30));

    @Test
    void retryableStatuses() {
        assertThat(RetryPolicy.retryableStatus(500)).isTrue();
        assertThat(RetryPolicy.retryableStatus(503)).isTrue();
        assertThat(RetryPolicy.retryableStatus(429)).isTrue();
        assertThat(RetryPolicy.retryableStatus(408)).isTrue();
        assertThat(RetryPolicy.retryableStatus(501)).isFalse();
        assertThat(RetryPolicy.retryableStatus(404)).isFalse();
        assertThat(RetryPolicy.retryableStatus(401)).isFalse();
        assertThat(policy.mayRetry(3)).isTrue();
        assertThat(policy.mayRetry(4)).isFalse();
    }

    @Test
    void exponentialWithJitterWithinBounds() {
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = Math.min(100L << (attempt - 1), 1000);
            for (int i = 0; i < 50; i++) {
                long ms = policy.delay(attempt, null, NOW, random).toMillis();
                assertThat(ms).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void retryAfterSecondsAndDateAreHonouredAndCapped() {
        assertThat(policy.delay(1, "3", NOW, new Random())).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delay(1, "Fri, 27 Nov 2026 12:00:07 GMT", NOW, new Random()))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delay(1, "3600", NOW, new Random())).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.parseRetryAfter("Fri, 27 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isEmpty();
    }
}
