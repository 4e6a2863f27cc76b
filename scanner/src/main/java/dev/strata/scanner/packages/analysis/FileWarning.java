package dev.strata.scanner.packages.analysis;

/** A problem with one file of a layer ({@code path} absolute), kept so the image-level step can report it. */
public record FileWarning(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
