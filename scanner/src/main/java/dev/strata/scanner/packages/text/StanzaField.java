package dev.strata.scanner.packages.text;

/** One field of a stanza; continuation lines are joined to {@code value} with newlines. */
public record StanzaField(String name, String value, int line) {
}
