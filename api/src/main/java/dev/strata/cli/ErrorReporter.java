package dev.strata.cli;

import dev.strata.app.ErrorLine;
import picocli.CommandLine;

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
        return ErrorLine.describe(ex);
    }
}
