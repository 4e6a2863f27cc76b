package dev.strata.scanner.registry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.TrustOptions;

import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a registry over Vert.x's HTTP client, for blocking callers on worker threads:
 * sends the request, follows redirects itself (at most 5) and drops {@code Authorization} when a redirect
 * leaves the host, asks the options' {@link RegistryHostGuard} before each hop, and hands back the response with its body still unread ({@link BodyStream}).
 */
final class RegistryHttp implements AutoCloseable {
    private static final int MAX_REDIRECTS = 5;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final HttpClient verified;
    private final HttpClient unverified;
    private final RegistryOptions options;

    RegistryHttp(Vertx vertx, boolean ownsVertx, RegistryOptions options) throws IOException {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.options = options;
        HttpClientOptions base = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .setIdleTimeout((int) Math.max(1, options.idleTimeout().toSeconds()))
                .setKeepAlive(true)
                .setDecompressionSupported(false)
                .setMaxChunkSize(256 * 1024)
                .setReceiveBufferSize(1024 * 1024)
                .setMaxRedirects(0);
        HttpClientOptions verifiedOptions = new HttpClientOptions(base).setVerifyHost(true);
        if (options.caCert() != null) {
            verifiedOptions.setTrustOptions(TrustOptions.wrap(trustWithExtraCa(options.caCert())));
        }
        this.verified = vertx.createHttpClient(verifiedOptions, new io.vertx.core.http.PoolOptions()
                .setHttp1MaxSize(Math.max(8, options.parallelDownloads() * 2)));
        this.unverified = vertx.createHttpClient(new HttpClientOptions(base).setTrustAll(true).setVerifyHost(false),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(Math.max(8, options.parallelDownloads() * 2)));
    }

    /** The JDK's default trusted CAs plus those in the PEM file {@code ca}. */
    static TrustManagerFactory trustWithExtraCa(Path ca) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
            if (Files.isRegularFile(cacerts)) {
                try (InputStream in = Files.newInputStream(cacerts)) {
                    store.load(in, null);
                }
            } else {
                store.load(null, null);
            }
            int n = 0;
            try (InputStream in = Files.newInputStream(ca)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("strata-extra-ca-" + n++, c);
                }
            }
            if (n == 0) {
                throw new IOException("no certificate in --ca-cert file " + ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no such file: " + ca);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the CA certificate " + ca + ": " + e.getMessage(), e);
        }
    }

    RegistryOptions options() {
        return options;
    }

    /**
     * Sends {@code method uri} with {@code headers}; {@code verifyTls} false only for insecure registries.
     * Connection failures surface as {@link IOException}s (the caller decides whether to retry).
     */
    RegistryResponse send(String method, URI uri, Map<String, String> headers, boolean verifyTls) throws IOException {
        return send(method, uri, headers, null, verifyTls);
    }

    /**
     * As {@link #send(String, URI, Map, boolean)} with a request body (nullable); a {@code 307/308} redirect
     * repeats method and body, any other redirect continues as a {@code GET} without body.
     */
    RegistryResponse send(String method, URI uri, Map<String, String> headers, byte[] body, boolean verifyTls)
            throws IOException {
        URI current = uri;
        String currentMethod = method;
        byte[] currentBody = body;
        Map<String, String> sendHeaders = new LinkedHashMap<>(headers);
        options.hostGuard().check(current);
        for (int hop = 0; ; hop++) {
            RegistryResponse response = once(currentMethod, current, sendHeaders, currentBody, verifyTls);
            int status = response.status();
            String location = response.header("location");
            if (!isRedirect(status) || location == null) {
                return response;
            }
            response.close();
            if (hop >= MAX_REDIRECTS) {
                throw new RegistryException("more than " + MAX_REDIRECTS + " redirects from " + uri, status);
            }
            URI next = current.resolve(location.trim());
            options.hostGuard().check(next);
            if (!sameOrigin(current, next)) {
                // distribution spec: never forward Authorization across host boundaries
                sendHeaders.keySet().removeIf(k -> k.equalsIgnoreCase("authorization"));
            }
            if (currentBody != null && status != 307 && status != 308) {
                currentMethod = "GET";
                currentBody = null;
                sendHeaders.keySet().removeIf(k -> k.equalsIgnoreCase("content-type"));
            }
            current = next;
        }
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()),
                lower(b.getHost())) && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private RegistryResponse once(String method, URI uri, Map<String, String> headers, byte[] body, boolean verifyTls)
            throws IOException {
        String scheme = lower(uri.getScheme());
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IOException("unsupported URL scheme in " + uri);
        }
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setAbsoluteURI(uri.toString())
                .setFollowRedirects(false)
                .setConnectTimeout(options.connectTimeout().toMillis())
                .setIdleTimeout(options.idleTimeout().toMillis());
        headers.forEach(request::putHeader);
        HttpClient client = verifyTls ? verified : unverified;
        long idle = options.idleTimeout().toMillis();
        Future<RegistryResponse> future = client.request(request)
                .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .map(resp -> wrap(resp, uri, idle));
        try {
            return future.toCompletionStage().toCompletableFuture()
                    .get(options.connectTimeout().toMillis() + idle + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + uri);
        } catch (TimeoutException e) {
            throw new java.net.SocketTimeoutException("no answer from " + uri.getHost() + " in time");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IOException io && !(cause instanceof javax.net.ssl.SSLException)) {
                throw new IOException("cannot reach " + hostPort(uri) + ": " + BodyStream.describe(io), io);
            }
            throw new IOException((cause instanceof javax.net.ssl.SSLException ? "TLS failure with " : "cannot reach ")
                    + hostPort(uri) + ": " + BodyStream.describe(cause), cause);
        }
    }

    static String hostPort(URI uri) {
        return uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    }

    /** Runs on the event loop as soon as the response head arrives, before any body chunk. */
    private static RegistryResponse wrap(HttpClientResponse resp, URI uri, long idleMillis) {
        Context context = Vertx.currentContext();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        resp.headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(e.getValue()));
        BodyStream body = new BodyStream(resp, context, idleMillis, uri.getPath());
        return new RegistryResponse(resp.statusCode(), headers, uri, body);
    }

    @Override
    public void close() {
        try {
            verified.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            unverified.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            if (ownsVertx) {
                vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // closing: nothing left to do
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
