package dev.strata.scanner.registry;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageFormatException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pulls from one repository of one registry: pings {@code /v2/} (choosing HTTPS, or plain HTTP for
 * loopback and {@code --insecure} registries that do not speak TLS), authenticates when challenged,
 * pulls manifests (verified, at most 4 MiB) and opens blob streams that resume with {@code Range}.
 */
public final class RegistryClient implements AutoCloseable {
    private final RegistryHttp http;
    private final RegistryReference reference;
    private final Authenticator auth;
    private URI base;
    private boolean verifyTls;

    private RegistryClient(RegistryHttp http, RegistryReference reference, Credentials credentials) {
        this.http = http;
        this.reference = reference;
        this.auth = new Authenticator(http, reference.registry(), credentials, Clock.systemUTC());
    }

    /** Connects to the registry of {@code reference} (credentials from options, {@code env}, Docker config). */
    public static RegistryClient open(RegistryReference reference, RegistryOptions options, Map<String, String> env)
            throws IOException {
        return open(reference, options, env, null);
    }

    /**
     * As above on {@code shared} (e.g. the web service's Vert.x instance, not closed with the client); null
     * means a Vert.x instance of the client's own. Call from a worker thread: the methods block.
     */
    public static RegistryClient open(RegistryReference reference, RegistryOptions options, Map<String, String> env,
                                      Vertx shared) throws IOException {
        Credentials credentials = new CredentialResolver(options, env).resolve(reference.registry()).orElse(null);
        quietLogging();
        Vertx vertx = shared != null ? shared : Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2)
                .setWorkerPoolSize(1).setBlockedThreadCheckInterval(60_000));
        RegistryHttp http;
        try {
            http = new RegistryHttp(vertx, shared == null, options);
        } catch (IOException | RuntimeException e) {
            if (shared == null) {
                vertx.close();
            }
            throw e;
        }
        RegistryClient client = new RegistryClient(http, reference, credentials);
        try {
            client.ping();
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /**
     * Netty and Vert.x would pick SLF4J when it is on the class path and, without a provider, print a
     * warning on stderr; the CLI's stderr is for one-line errors, so they log through java.util.logging.
     */
    static void quietLogging() {
        if (System.getProperty("vertx.logger-delegate-factory-class-name") == null) {
            System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
        }
        io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
                io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
    }

    public RegistryReference reference() {
        return reference;
    }

    /** The options this client runs with. */
    public RegistryOptions options() {
        return http.options();
    }

    private void ping() throws IOException {
        String host = reference.registry();
        // a CA given on the command line means the user wants this registry verified, loopback or not
        boolean loopback = Loopback.isLoopback(host) && http.options().caCert() == null;
        boolean insecure = http.options().insecure() && http.options().caCert() == null;
        URI https = URI.create("https://" + host + "/v2/");
        URI plain = URI.create("http://" + host + "/v2/");
        RegistryResponse response;
        if (loopback) {
            // loopback: plain HTTP first (no TLS set-up cost); a TLS-only port answers 400 or drops the request
            verifyTls = false;
            response = probe(plain);
            if (response == null || response.status() == 400) {
                if (response != null) {
                    response.close();
                }
                response = Retrying.call(http.options().retry(), "ping of " + host,
                        () -> http.send("GET", https, Map.of(), false));
            }
        } else if (insecure) {
            // as Docker does for insecure registries: HTTPS without verification, else plain HTTP
            verifyTls = false;
            response = probe(https);
            if (response == null) {
                response = Retrying.call(http.options().retry(), "ping of " + host,
                        () -> http.send("GET", plain, Map.of(), false));
            }
        } else {
            verifyTls = true;
            response = Retrying.call(http.options().retry(), "ping of " + host,
                    () -> http.send("GET", https, Map.of(), true));
        }
        try (RegistryResponse r = response) {
            base = URI.create(r.uri().getScheme() + "://" + host);
            if (r.status() == 401) {
                auth.prime(r.all("www-authenticate"));
            } else if (r.status() == 404) {
                throw new RegistryException(host + " is not a registry: GET /v2/ answered 404", 404);
            } else if (RetryPolicy.retryableStatus(r.status())) {
                throw statusError(r, "GET /v2/ of " + host);
            }
        }
    }

    /** One unverified attempt at {@code uri}; null when the connection or TLS failed. */
    private RegistryResponse probe(URI uri) throws IOException {
        try {
            return http.send("GET", uri, Map.of(), false);
        } catch (RegistryException e) {
            throw e;
        } catch (java.io.InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends an authenticated request with retries; a 401 is answered once by (re)authenticating. */
    private RegistryResponse request(String method, URI uri, Map<String, String> headers, String what)
            throws IOException {
        String scope = reference.pullScope();
        for (int round = 0; ; round++) {
            String authorization = auth.header(scope);
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (authorization != null) {
                sent.put("Authorization", authorization);
            }
            RegistryResponse response = Retrying.call(http.options().retry(), what,
                    () -> http.send(method, uri, sent, verifyTls));
            if (response.status() != 401 || round >= 2) {
                return response;
            }
            java.util.List<String> challenges = response.all("www-authenticate");
            response.close();
            auth.unauthorized(challenges, scope, authorization, what);
        }
    }

    /** Pulls the manifest or index {@code ref} (a tag or digest), verified against a digest ref. */
    public PulledManifest pullManifest(String ref) throws IOException {
        URI uri = base.resolve("/v2/" + reference.repository() + "/manifests/" + ref);
        String what = "manifest " + reference.repositoryPath() + (Digest.isDigest(ref) ? "@" : ":") + ref;
        try (RegistryResponse r = request("GET", uri, Map.of("Accept", ManifestContentType.ACCEPT), what)) {
            if (r.status() != 200) {
                throw statusError(r, what);
            }
            String length = r.header("content-length");
            if (length != null) {
                try {
                    long n = Long.parseLong(length.trim());
                    if (n > ManifestContentType.MAX_MANIFEST_BYTES) {
                        throw new ImageFormatException(what + " is " + n
                                + " bytes, more than the 4 MiB limit for manifests");
                    }
                } catch (NumberFormatException ignored) {
                    // the body limit below still applies
                }
            }
            ManifestContentType.check(r.header("content-type"), what);
            byte[] bytes = r.body().readAll(ManifestContentType.MAX_MANIFEST_BYTES,
                    what + " is more than the 4 MiB limit for manifests");
            Digest actual = Digest.sha256Of(bytes);
            if (Digest.isDigest(ref) && !actual.equals(Digest.parse(ref))) {
                throw new ImageFormatException(what + ": the registry served content with digest " + actual);
            }
            String served = r.header("docker-content-digest");
            if (served != null && Digest.isDigest(served.trim()) && served.trim().startsWith("sha256:")
                    && !actual.equals(Digest.parse(served.trim()))) {
                throw new ImageFormatException(what + ": content digest " + actual
                        + " differs from Docker-Content-Digest " + served.trim());
            }
            return new PulledManifest(bytes, actual, r.header("content-type"));
        }
    }

    /** Opens the blob {@code d}; the stream resumes with {@code Range} after a dropped connection. */
    public InputStream openBlob(Descriptor d) throws IOException {
        return new ResumingBlobStream(this, d);
    }

    /** One GET of a blob from {@code offset}; 206 or 200 answers are returned, any other status thrown. */
    RegistryResponse blobResponse(Digest digest, long offset) throws IOException {
        URI uri = base.resolve("/v2/" + reference.repository() + "/blobs/" + digest);
        String what = "blob " + digest + " of " + reference.repositoryPath();
        Map<String, String> headers = new LinkedHashMap<>();
        if (offset > 0) {
            headers.put("Range", "bytes=" + offset + "-");
        }
        RegistryResponse r = request("GET", uri, headers, what);
        if (r.status() == 200 || r.status() == 206 && offset > 0) {
            return r;
        }
        try (r) {
            throw statusError(r, what);
        }
    }

    RetryPolicy retry() {
        return http.options().retry();
    }

    private RegistryException statusError(RegistryResponse r, String what) {
        int status = r.status();
        String detail = Authenticator.tail(r.errorText());
        String message = switch (status) {
            case 404 -> what + " not found (404" + detail.replaceFirst("^: ", " ") + ")";
            case 403 -> reference.registry() + " denied access to " + what + " (403" + detail.replaceFirst("^: ", " ")
                    + ")";
            case 429 -> reference.registry() + " refused " + what + ": too many requests (429)"
                    + RateLimit.from(r::header).map(l -> "; " + l.describe()).orElse("")
                    + Optional.ofNullable(r.header("retry-after")).map(a -> "; retry after " + a).orElse("");
            default -> reference.registry() + " answered " + status + " to " + what + detail;
        };
        return new RegistryException(message.replace("( ", "("), status);
    }

    @Override
    public void close() {
        http.close();
    }
}
