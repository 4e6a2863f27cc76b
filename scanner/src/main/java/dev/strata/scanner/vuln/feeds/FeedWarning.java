package dev.strata.scanner.vuln.feeds;

/** A feed entry that was skipped because it is malformed, naming the package and the entry it belongs to. */
public record FeedWarning(String packageName, String entry, String message) {

    @Override
    public String toString() {
        return packageName + " " + entry + ": " + message;
    }
}
