package dev.strata.scanner.registry;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to talk to registries: explicit credentials (nullable, else the environment and the Docker config
 * are asked), {@code insecure} (plain HTTP or unverified TLS for non-loopback hosts), an extra trusted CA
 * (nullable), timeouts, retries, how many blobs download at once, and the guard every request's host must pass.
 */
public record RegistryOptions(Credentials credentials, boolean insecure, Path caCert, Duration connectTimeout,
                              Duration idleTimeout, RetryPolicy retry, int parallelDownloads, Path dockerConfig,
                              RegistryHostGuard hostGuard) {
    public static final RegistryOptions DEFAULTS = new RegistryOptions(null, false, null, Duration.ofSeconds(30),
            Duration.ofSeconds(60), RetryPolicy.DEFAULT, 4, null, RegistryHostGuard.ALLOW_ALL);

    public RegistryOptions {
        hostGuard = hostGuard == null ? RegistryHostGuard.ALLOW_ALL : hostGuard;
        if (parallelDownloads < 1) {
            throw new IllegalArgumentException("parallel downloads must be at least 1");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public RegistryOptions withCredentials(Credentials c) {
        return new RegistryOptions(c, insecure, caCert, connectTimeout, idleTimeout, retry, parallelDownloads,
                dockerConfig, hostGuard);
    }

    public RegistryOptions withRetry(RetryPolicy r) {
        return new RegistryOptions(credentials, insecure, caCert, connectTimeout, idleTimeout, r, parallelDownloads,
                dockerConfig, hostGuard);
    }

    public RegistryOptions withTimeouts(Duration connect, Duration idle) {
        return new RegistryOptions(credentials, insecure, caCert, connect, idle, retry, parallelDownloads,
                dockerConfig, hostGuard);
    }

    public RegistryOptions withTls(boolean insecureHosts, Path ca) {
        return new RegistryOptions(credentials, insecureHosts, ca, connectTimeout, idleTimeout, retry,
                parallelDownloads, dockerConfig, hostGuard);
    }

    public RegistryOptions withParallelDownloads(int n) {
        return new RegistryOptions(credentials, insecure, caCert, connectTimeout, idleTimeout, retry, n, dockerConfig, hostGuard);
    }

    public RegistryOptions withDockerConfig(Path file) {
        return new RegistryOptions(credentials, insecure, caCert, connectTimeout, idleTimeout, retry,
                parallelDownloads, file, hostGuard);
    }

    /** These options with {@code guard} asked before every request (including redirects). */
    public RegistryOptions withHostGuard(RegistryHostGuard guard) {
        return new RegistryOptions(credentials, insecure, caCert, connectTimeout, idleTimeout, retry,
                parallelDownloads, dockerConfig, guard);
    }
}
