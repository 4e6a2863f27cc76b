package dev.strata.scanner.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest such as {@code sha256:0123…}, validated on construction. */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
    private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512_HEX = Pattern.compile("[a-f0-9]{128}");

    public Digest {
        switch (algorithm) {
            case "sha256" -> requireHex(SHA256_HEX, algorithm, hex);
            case "sha512" -> requireHex(SHA512_HEX, algorithm, hex);
            default -> throw new IllegalArgumentException("unsupported digest algorithm '" + algorithm + "'");
        }
    }

    private static void requireHex(Pattern pattern, String algorithm, String hex) {
        if (hex == null || !pattern.matcher(hex).matches()) {
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
