package dev.strata.cli;

/** The exit codes every strata command uses. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Reserved for the CI gate: the image has findings at or above the threshold. */
    public static final int GATE_FAILED = 1;
    /** The input could not be read or the command could not run (bad reference, corrupt image, mismatch). */
    public static final int ERROR = 2;

    private ExitCodes() {
    }
}
