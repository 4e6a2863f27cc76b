package dev.strata.server;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

/** What a token may do: {@code read} the API, or also {@code scan} (start scans, upload, delete: admin). */
public enum Role {
    READ, SCAN;

    /** Whether this role may do what {@code needed} allows. */
    public boolean allows(Role needed) {
        return this == SCAN || needed == READ;
    }

    @JsonCreator
    public static Role parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "read" -> READ;
            case "scan", "admin" -> SCAN;
            default -> throw new IllegalArgumentException("unknown role '" + text + "' (expected read or scan)");
        };
    }
}
