package dev.strata.app.vulndb;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/** One downloadable advisory feed: a name (also its download file name) and the URL it is fetched from. */
public record FeedSource(String name, URI url) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public FeedSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad feed source name '" + name + "' (letters, digits, . _ - only)");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("feed source " + name + ": not an http(s) URL: " + url);
        }
    }

    /** Parses {@code NAME=URL} as given to {@code --source}. */
    public static FeedSource parse(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected NAME=URL, got '" + assignment + "'");
        }
        try {
            return new FeedSource(assignment.substring(0, eq), URI.create(assignment.substring(eq + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
