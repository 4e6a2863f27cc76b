package dev.strata.app;

/** The indexed image an image is built on: its layer chain is the longest strict prefix of the image's. */
public record DetectedBase(ImageRef image, int sharedLayers, int totalLayers, String chainId) {
    /** "built on NAME (N of M layers shared)". */
    public String describe() {
        return "built on " + image.name() + " (" + sharedLayers + " of " + totalLayers + " layers shared)";
    }
}
