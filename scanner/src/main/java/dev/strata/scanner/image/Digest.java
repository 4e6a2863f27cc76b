package dev.strata.scanner.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A content digest such as {@code sha256:0123…}, validated on construction. */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
    public Digest {
        switch (algorithm) {
            case "sha256" -> requireHex(64, algorithm, hex);
            case "sha512" -> requireHex(128, algorithm, hex);
            default -> throw new IllegalArgumentException("unsupported digest algorithm '" + algorithm + "'");
        }
    }

    /** {@code hex} must be exactly {@code length} characters of {@code [a-f0-9]} (a loop: digests are parsed per file). */
    private static void requireHex(int length, String algorithm, String hex) {
        boolean ok = hex != null && hex.length() == length;
        for (int i = 0; ok && i < length; i++) {
            char c = hex.charAt(i);
            ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!ok) {
            throw new IllegalArgumentException("malformed " + algorithm + " digest '" + hex + "'");
        }
    }

    /** Parses {@code algorithm:hex}; throws {@link IllegalArgumentException} naming the bad value. */
    public static Digest parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing digest");
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("malformed digest '" + value + "'");
        }
        return new Digest(value.substring(0, colon), value.substring(colon + 1));
    }

    /** True when the text looks like {@code sha256:<64 hex>}. */
    public static boolean isDigest(String value) {
        try {
            parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Digest sha256(byte[] hash) {
        return new Digest("sha256", HexFormat.of().formatHex(hash));
    }

    public static Digest sha256Of(byte[] content) {
        return sha256(newSha256().digest(content));
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The hex part shortened to 12 characters, as Docker prints image ids. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
