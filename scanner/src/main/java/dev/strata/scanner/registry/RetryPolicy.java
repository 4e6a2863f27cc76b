package dev.strata.scanner.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to retry a registry request: connection errors, {@code 408}, {@code 429} and {@code 5xx} (but
 * {@code 501}) are retried up to {@code maxAttempts} times in all, waiting {@code base · 2^(n-1)} capped at
 * {@code maxDelay} with full jitter, or what {@code Retry-After} asks (capped at {@code maxRetryAfter}).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10),
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** True for the statuses worth another attempt. */
    public static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 && status != 501 && status < 600;
    }

    /** True when attempt number {@code attempt} (1-based) failed and another may follow. */
    public boolean mayRetry(int attempt) {
        return attempt < maxAttempts;
    }

    /**
     * The wait before attempt {@code attempt + 1}: the {@code Retry-After} value when the server sent one
     * (null when not), else exponential backoff with full jitter drawn from {@code random}.
     */
    public Duration delay(int attempt, String retryAfter, Instant now, RandomGenerator random) {
        Optional<Duration> asked = parseRetryAfter(retryAfter, now);
        if (asked.isPresent()) {
            Duration d = asked.get();
            return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
        }
        long ceiling = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        ceiling = Math.min(Math.max(ceiling, 1), maxDelay.toMillis());
        // "equal jitter": at least half the backoff, so retries never hammer the server back-to-back
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }

    /** {@code Retry-After} as delta-seconds or an HTTP-date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
