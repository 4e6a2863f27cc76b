package dev.strata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the process's stdout and stderr are connected to, and what that allows: colours on stdout only on a
 * terminal and without {@code NO_COLOR} (no-color.org: set and not empty), a progress display on stderr only on a
 * terminal and without {@code --quiet}.
 */
record Terminal(boolean stdoutTty, boolean stderrTty, boolean noColor) {

    /** The current process (Linux: where {@code /proc/self/fd/1} and {@code /2} point; elsewhere no terminal). */
    static Terminal detect(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return new Terminal(isTty(1), isTty(2), noColor != null && !noColor.isEmpty());
    }

    boolean colour() {
        return stdoutTty && !noColor;
    }

    boolean progress(boolean quiet) {
        return stderrTty && !quiet;
    }

    /** Whether file descriptor {@code fd} of this process is a terminal device. */
    static boolean isTty(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
