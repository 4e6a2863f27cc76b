package dev.strata.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns any failure of a command into one line on stderr and exit code 2; the stack trace is printed
 * only when {@code STRATA_DEBUG} is set.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        cli.getErr().println("strata: error: " + describe(ex));
        if (System.getenv("STRATA_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        }
        return ExitCodes.ERROR;
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
        } else if (!(t instanceof IOException) && !(t instanceof IllegalArgumentException)) {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        return oneLine(message);
    }

    private static String oneLine(String message) {
        String flat = message.replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        return flat.length() > 500 ? flat.substring(0, 497) + "..." : flat;
    }
}
