package dev.strata.scanner.registry;

import java.util.Optional;
import java.util.function.Function;

/**
 * Docker Hub's pull rate-limit headers ({@code ratelimit-limit: 100;w=21600},
 * {@code ratelimit-remaining: 0;w=21600}, {@code docker-ratelimit-source}); -1 for what is absent.
 */
public record RateLimit(long limit, long remaining, long windowSeconds, String source) {

    /** Reads the headers through {@code header} (name → value or null); empty when there are none. */
    public static Optional<RateLimit> from(Function<String, String> header) {
        String limit = header.apply("ratelimit-limit");
        String remaining = header.apply("ratelimit-remaining");
        if (limit == null && remaining == null) {
            return Optional.empty();
        }
        long window = window(limit);
        if (window < 0) {
            window = window(remaining);
        }
        return Optional.of(new RateLimit(count(limit), count(remaining), window,
                header.apply("docker-ratelimit-source")));
    }

    private static long count(String value) {
        if (value == null) {
            return -1;
        }
        int semi = value.indexOf(';');
        try {
            return Long.parseLong((semi < 0 ? value : value.substring(0, semi)).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long window(String value) {
        if (value == null) {
            return -1;
        }
        for (String part : value.split(";")) {
            String p = part.trim();
            if (p.startsWith("w=")) {
                try {
                    return Long.parseLong(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** For error messages: {@code rate limit 0 of 100 pulls left per 6h (source 1.2.3.4)}. */
    public String describe() {
        StringBuilder out = new StringBuilder("rate limit ");
        out.append(remaining >= 0 ? remaining : "?").append(" of ").append(limit >= 0 ? limit : "?")
                .append(" pulls left");
        if (windowSeconds > 0) {
            out.append(" per ").append(windowSeconds % 3600 == 0 ? windowSeconds / 3600 + "h" : windowSeconds + "s");
        }
        if (source != null && !source.isBlank()) {
            out.append(" (source ").append(source).append(')');
        }
        return out.toString();
    }
}
