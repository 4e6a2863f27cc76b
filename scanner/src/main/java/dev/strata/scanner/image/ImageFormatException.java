package dev.strata.scanner.image;

import java.io.IOException;

/**
 * The input is not a valid image: malformed JSON, a missing field, a digest that does not match, a bad
 * tar entry. The message is one line naming what was wrong; the CLI maps it to exit code 2.
 */
public class ImageFormatException extends IOException {
    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
