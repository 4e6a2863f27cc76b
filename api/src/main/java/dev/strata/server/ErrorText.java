package dev.strata.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** One line naming what went wrong, as the CLI prints it after {@code strata: error:}. */
final class ErrorText {
    private ErrorText() {
    }

    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            message = t.getClass().getSimpleName();
        } else if (!(t instanceof IOException) && !(t instanceof IllegalArgumentException) && !(t instanceof ApiError)) {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        String flat = message.replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        return flat.length() > 500 ? flat.substring(0, 497) + "..." : flat;
    }
}
