package dev.strata.cli;

import picocli.CommandLine.Option;

/** {@code --server URL [--token T]}: ask a running {@code strata serve} instead of working locally. */
final class RemoteOptions {
    @Option(names = "--server", paramLabel = "URL",
            description = "Ask the Strata service at URL (e.g. http://127.0.0.1:8080) instead of scanning locally.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token for --server (default: $STRATA_TOKEN).")
    String token;

    String token() {
        return token != null ? token : System.getenv("STRATA_TOKEN");
    }
}
