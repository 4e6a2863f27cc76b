package dev.strata.app;

import dev.strata.scanner.image.Digest;

import java.util.Locale;

/**
 * A search over the index, written {@code field:value}: {@code purl:} (exact, without version for every
 * version, or ending in {@code *} for a prefix), {@code name:} (package name, Maven as {@code group:artifact}),
 * {@code path:} (exact, or ending in {@code *} for a prefix) and {@code sha256:} (a file's content hash).
 */
public record SearchQuery(Field field, String value) {

    /** The fields a query can search. */
    public enum Field { PURL, NAME, PATH, SHA256 }

    public SearchQuery {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty search value for " + field.name().toLowerCase(Locale.ROOT) + ":");
        }
    }

    /** Parses {@code field:value}; a bare {@code pkg:…} is taken as a purl and a bare {@code /…} as a path. */
    public static SearchQuery parse(String text) {
        String q = text == null ? "" : text.strip();
        if (q.startsWith("pkg:")) {
            return new SearchQuery(Field.PURL, q);
        }
        if (q.startsWith("/")) {
            return new SearchQuery(Field.PATH, q);
        }
        int colon = q.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("search '" + text + "': expected purl:, name:, path: or sha256: "
                    + "followed by a value");
        }
        String value = q.substring(colon + 1).strip();
        return switch (q.substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "purl" -> new SearchQuery(Field.PURL, value);
            case "name" -> new SearchQuery(Field.NAME, value);
            case "path" -> new SearchQuery(Field.PATH, value);
            case "sha256" -> new SearchQuery(Field.SHA256, sha256(value).toString());
            default -> throw new IllegalArgumentException("search '" + text + "': unknown field '"
                    + q.substring(0, colon) + "' (expected purl, name, path or sha256)");
        };
    }

    private static Digest sha256(String value) {
        String v = value.startsWith("sha256:") ? value : "sha256:" + value;
        return Digest.parse(v.toLowerCase(Locale.ROOT));
    }

    /** True for a value ending in {@code *}: a prefix search. */
    public boolean isPrefix() {
        return value.endsWith("*");
    }

    /** The value without a trailing {@code *}. */
    public String stem() {
        return isPrefix() ? value.substring(0, value.length() - 1) : value;
    }
}
