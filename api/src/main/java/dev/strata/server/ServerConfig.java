package dev.strata.server;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code strata serve} runs with: the YAML file of {@code --config} (every key optional) with the
 * command-line options laid over it. See docs/cli.md for the keys.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ServerConfig(String bind, Integer port, Path data, Auth auth, Scans scans, Limits limits,
                           Registries registries, Boolean allowLocalPaths, Integer apiWorkers,
                           Integer eventLoops) {

    /** Bearer tokens, and whether the API is open without one. */
    public record Auth(List<ApiToken> tokens, Boolean open) {
        public Auth {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }
    }

    /**
     * The scan queue: concurrent scans, queued+running jobs accepted, attempts before a job fails, and how many
     * finished jobs (with their reports) are kept: older ones are deleted.
     */
    public record Scans(Integer concurrency, Integer queue, Integer maxAttempts, Integer keepFinished) {
    }

    /** Largest JSON request body and largest uploaded image. */
    public record Limits(Long maxBodyBytes, Long maxUploadBytes) {
    }

    /** Registry hosts a reference may name: allow (empty: any) and deny lists, and whether link-local is ok. */
    public record Registries(List<String> allow, List<String> deny, Boolean allowLinkLocal) {
        public Registries {
            allow = allow == null ? List.of() : List.copyOf(allow);
            deny = deny == null ? List.of() : List.copyOf(deny);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Everything at its default: loopback, port 8080, open, two scans at once. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads a config file; a bad one fails naming the file and the problem. */
    public static ServerConfig load(Path file) throws IOException {
        try {
            ServerConfig c = YAML.readValue(file.toFile(), ServerConfig.class);
            return c == null ? defaults() : c;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("config " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    public ServerConfig withListen(String bind, Integer port, Path data) {
        return new ServerConfig(bind != null ? bind : this.bind, port != null ? port : this.port,
                data != null ? data : this.data, auth, scans, limits, registries, allowLocalPaths, apiWorkers,
                eventLoops);
    }

    public String bindAddress() {
        return bind == null ? "127.0.0.1" : bind;
    }

    public int listenPort() {
        return port == null ? 8080 : port;
    }

    public List<ApiToken> tokens() {
        return auth == null ? List.of() : auth.tokens();
    }

    /**
     * Whether requests need no token: only when no token is configured and either the config says
     * {@code auth.open: true} or it says nothing and the server listens on loopback.
     */
    public boolean open() {
        if (!tokens().isEmpty()) {
            return false;
        }
        return auth == null || auth.open() == null || auth.open();
    }

    public int scanConcurrency() {
        return scans == null || scans.concurrency() == null ? 2 : scans.concurrency();
    }

    public int queueCapacity() {
        return scans == null || scans.queue() == null ? 32 : scans.queue();
    }

    public int maxAttempts() {
        return scans == null || scans.maxAttempts() == null ? 3 : scans.maxAttempts();
    }

    /** Finished jobs kept on disk and in the API, newest first (default 1000); older ones are deleted. */
    public int keepFinished() {
        return scans == null || scans.keepFinished() == null ? 1000 : scans.keepFinished();
    }

    public long maxBodyBytes() {
        return limits == null || limits.maxBodyBytes() == null ? 64 * 1024 : limits.maxBodyBytes();
    }

    public long maxUploadBytes() {
        return limits == null || limits.maxUploadBytes() == null ? 8L << 30 : limits.maxUploadBytes();
    }

    public boolean localPathsAllowed() {
        return allowLocalPaths != null && allowLocalPaths;
    }

    public int apiWorkerCount() {
        return apiWorkers == null ? 4 : apiWorkers;
    }

    /** HTTP server instances, each on its own event loop (default: one per core). */
    public int eventLoopCount() {
        return eventLoops == null ? Runtime.getRuntime().availableProcessors() : eventLoops;
    }

    public RegistryHostPolicy registryPolicy() {
        return registries == null ? RegistryHostPolicy.defaults()
                : new RegistryHostPolicy(registries.allow(), registries.deny(),
                registries.allowLinkLocal() != null && registries.allowLinkLocal());
    }

    /** Refuses what must not start: a non-loopback address without tokens, nonsense numbers. */
    public void validate() {
        if (scanConcurrency() < 1 || queueCapacity() < 1 || maxAttempts() < 1 || keepFinished() < 1
                || apiWorkerCount() < 1 || eventLoopCount() < 1) {
            throw new IllegalArgumentException("config: scans.concurrency, scans.queue, scans.maxAttempts, "
                    + "scans.keepFinished, apiWorkers and eventLoops must be at least 1");
        }
        if (listenPort() < 0 || listenPort() > 65535) {
            throw new IllegalArgumentException("port " + listenPort() + " is out of range");
        }
        if (tokens().isEmpty() && !isLoopback(bindAddress())) {
            throw new IllegalArgumentException("refusing to listen on " + bindAddress()
                    + " without API tokens: add auth.tokens to the config, or bind 127.0.0.1");
        }
        for (ApiToken t : tokens()) {
            if (t.token() == null || t.token().length() < 16 || t.role() == null) {
                throw new IllegalArgumentException("config: every token needs a role (read, scan) and a secret "
                        + "of at least 16 characters" + (t.name() == null ? "" : " (token '" + t.name() + "')"));
            }
        }
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
