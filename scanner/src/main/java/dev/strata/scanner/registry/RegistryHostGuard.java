package dev.strata.scanner.registry;

import java.net.URI;

/**
 * Decides whether a registry request may go to a URI: asked before every request the client sends, the first
 * and every redirect target (blob storage, token realms), so a service can keep scans off hosts it must not reach.
 */
@FunctionalInterface
public interface RegistryHostGuard {
    /** Lets every request through (the CLI's default). */
    RegistryHostGuard ALLOW_ALL = uri -> { };

    /** Throws, naming the host and why, when the client must not contact {@code uri}. Called on a worker thread. */
    void check(URI uri) throws RegistryHostRefusedException;
}
