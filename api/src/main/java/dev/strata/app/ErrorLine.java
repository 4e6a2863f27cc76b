package dev.strata.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.function.Predicate;

/** One line naming what went wrong, as the CLI prints it after {@code strata: error:} and the API answers it. */
public final class ErrorLine {
    private static final int MAX = 500;

    private ErrorLine() {
    }

    /** The failure's message on one line; exception types other than I/O and argument errors are named. */
    public static String describe(Throwable ex) {
        return describe(ex, t -> false);
    }

    /** As {@link #describe(Throwable)}, also leaving unnamed the exceptions {@code plain} accepts. */
    public static String describe(Throwable ex, Predicate<Throwable> plain) {
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
        } else if (!(t instanceof IOException) && !(t instanceof IllegalArgumentException) && !plain.test(t)) {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        String flat = message.replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        return flat.length() > MAX ? flat.substring(0, MAX - 3) + "..." : flat;
    }
}
