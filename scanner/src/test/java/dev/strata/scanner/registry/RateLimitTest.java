package dev.strata.scanner.registry;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {
    @Test
    void dockerHubHeaders() {
        Map<String, String> h = Map.of("ratelimit-limit", "100;w=21600", "ratelimit-remaining", "0;w=21600",
                "docker-ratelimit-source", "192.0.2.1");
        RateLimit r = RateLimit.from(h::get).orElseThrow();
        assertThat(r).isEqualTo(new RateLimit(100, 0, 21600, "192.0.2.1"));
        assertThat(r.describe()).isEqualTo("rate limit 0 of 100 pulls left per 6h (source 192.0.2.1)");
    }

    @Test
    void absentOrPartial() {
        assertThat(RateLimit.from(Map.<String, String>of()::get)).isEmpty();
        RateLimit r = RateLimit.from(Map.of("ratelimit-remaining", "7")::get).orElseThrow();
        assertThat(r).isEqualTo(new RateLimit(-1, 7, -1, null));
        assertThat(r.describe()).isEqualTo("rate limit 7 of ? pulls left");
    }
}
