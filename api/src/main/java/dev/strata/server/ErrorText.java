package dev.strata.server;

import dev.strata.app.ErrorLine;

/** One line naming what went wrong, as the CLI prints it after {@code strata: error:}; API errors unnamed. */
final class ErrorText {
    private ErrorText() {
    }

    static String describe(Throwable ex) {
        return ErrorLine.describe(ex, ApiError.class::isInstance);
    }
}
