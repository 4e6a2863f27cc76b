package dev.strata.cli;

import dev.strata.scanner.registry.Credentials;
import dev.strata.scanner.registry.RegistryOptions;
import dev.strata.scanner.registry.RetryPolicy;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** Registry options shared by {@code scan}, {@code pull} and {@code save}: credentials, TLS, timeouts, parallelism. */
final class RegistryCliOptions {
    @Option(names = "--username", paramLabel = "USER",
            description = "Registry user name (default: $STRATA_REGISTRY_USERNAME, else ~/.docker/config.json).")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Registry password or token (default: $STRATA_REGISTRY_PASSWORD); without a value it is read "
                    + "from the terminal.")
    char[] password;

    @Option(names = "--auth-file", paramLabel = "FILE",
            description = "Docker config file with credentials (default: $DOCKER_CONFIG/config.json, else "
                    + "~/.docker/config.json).")
    Path authFile;

    @Option(names = "--insecure",
            description = "Allow plain HTTP and unverified TLS for this registry (loopback registries always may).")
    boolean insecure;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "Also trust the CA certificate(s) in this PEM file.")
    Path caCert;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Registry connect timeout in seconds (default: ${DEFAULT-VALUE}).")
    double connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest wait for data from the registry, in seconds (default: ${DEFAULT-VALUE}).")
    double readTimeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
            description = "Retries of a failed registry request (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--parallel-downloads", paramLabel = "N", defaultValue = "4",
            description = "Blobs downloaded at once (default: ${DEFAULT-VALUE}).")
    int parallelDownloads;

    RegistryOptions options() {
        if (retries < 0) {
            throw new IllegalArgumentException("--retries must not be negative");
        }
        if (connectTimeout <= 0 || readTimeout <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (parallelDownloads < 1) {
            throw new IllegalArgumentException("--parallel-downloads must be at least 1");
        }
        RegistryOptions o = RegistryOptions.DEFAULTS
                .withTls(insecure, caCert == null ? null : caCert.toAbsolutePath())
                .withTimeouts(Duration.ofMillis((long) (connectTimeout * 1000)), Duration.ofMillis((long) (readTimeout * 1000)))
                .withParallelDownloads(parallelDownloads);
        if (authFile != null) {
            o = o.withDockerConfig(authFile.toAbsolutePath());
        }
        RetryPolicy d = RetryPolicy.DEFAULT;
        o = o.withRetry(new RetryPolicy(retries + 1, d.baseDelay(), d.maxDelay(), d.maxRetryAfter()));
        if (username != null) {
            if (password == null) {
                throw new IllegalArgumentException("--username needs --password");
            }
            o = o.withCredentials(new Credentials(username, new String(password)));
        } else if (password != null) {
            throw new IllegalArgumentException("--password needs --username");
        }
        return o;
    }
}
