package dev.strata.scanner.registry;

import java.io.IOException;

/** A registry refused or failed a request (HTTP error status, auth refused, retries exhausted). */
public final class RegistryException extends IOException {
    private final int status;

    public RegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public RegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or -1 when the request got no answer. */
    public int status() {
        return status;
    }
}
