package dev.strata.scanner.registry;

import java.io.IOException;

/** A {@link RegistryHostGuard} refused a request's host; never retried. */
public final class RegistryHostRefusedException extends IOException {
    public RegistryHostRefusedException(String message) {
        super(message);
    }
}
