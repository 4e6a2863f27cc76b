package dev.strata.app;

/** The index holds no image matching the argument (a web service answers 404). */
public final class ImageNotFoundException extends IllegalArgumentException {
    public ImageNotFoundException(String image) {
        super("no image '" + image + "' in the index; scan it first");
    }
}
