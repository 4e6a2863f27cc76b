package dev.strata.scanner.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Vert.x reverse proxy in front of a real registry for tests, which injects faults chosen per request:
 * error statuses, 429 with {@code Retry-After}, a connection reset part-way through a body, slow bodies,
 * rewritten bodies and redirects to another host. It records every request it saw.
 */
public final class FaultProxy implements AutoCloseable {
    /** A request as seen by the proxy. */
    public record Seen(String method, String path, Map<String, String> headers, long nanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** The upstream answer, buffered. */
    public record Upstream(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** What to do with one request; answer null to pass it through unchanged. */
    @FunctionalInterface
    public interface Fault {
        /** Writes the response itself and returns true, or returns false to pass the upstream answer. */
        boolean handle(HttpServerRequest request, Upstream upstream, HttpServerResponse response);
    }

    private record Rule(Predicate<Seen> when, int[] remaining, Fault fault) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private final Map<String, String> upstreamHeaders;

    private final String bindHost;

    private FaultProxy(Vertx vertx, String upstream, Map<String, String> upstreamHeaders, String bindHost)
            throws Exception {
        this.vertx = vertx;
        this.upstream = upstream;
        this.upstreamHeaders = upstreamHeaders;
        this.bindHost = bindHost;
        this.server = vertx.createHttpServer().requestHandler(this::handle)
                .listen(0, bindHost).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Starts a proxy on loopback to {@code upstream} ({@code http://127.0.0.1:PORT}). */
    public static FaultProxy start(Vertx vertx, String upstream) throws Exception {
        return new FaultProxy(vertx, upstream, Map.of(), "127.0.0.1");
    }

    /**
     * A proxy that adds {@code upstreamHeaders} (e.g. the registry's credentials) to what it forwards, as
     * the storage behind a signed redirect URL needs no client credentials.
     */
    public static FaultProxy start(Vertx vertx, String upstream, Map<String, String> upstreamHeaders) throws Exception {
        return new FaultProxy(vertx, upstream, upstreamHeaders, "127.0.0.1");
    }

    /** As {@link #start(Vertx, String, Map)}, listening on another loopback address (e.g. 127.0.0.2). */
    public static FaultProxy start(Vertx vertx, String upstream, Map<String, String> upstreamHeaders, String bindHost)
            throws Exception {
        return new FaultProxy(vertx, upstream, upstreamHeaders, bindHost);
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return bindHost + ":" + port();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void clear() {
        rules.clear();
        seen.clear();
    }

    /** Applies {@code fault} to the next {@code times} requests matching {@code when} (-1: all of them). */
    public FaultProxy on(Predicate<Seen> when, int times, Fault fault) {
        rules.add(new Rule(when, new int[]{times}, fault));
        return this;
    }

    public static Predicate<Seen> path(String regex) {
        return s -> s.path().matches(regex);
    }

    /** Answers {@code status} with {@code headers} and a small body. */
    public static Fault status(int status, Map<String, String> headers, String body) {
        return (req, up, resp) -> {
            resp.setStatusCode(status);
            headers.forEach(resp::putHeader);
            resp.end(body);
            return true;
        };
    }

    /** Sends the headers and the first {@code bytes} bytes of the body, then resets the connection. */
    public static Fault resetAfter(int bytes) {
        return (req, up, resp) -> {
            copyHeaders(up, resp);
            resp.setStatusCode(up.status());
            resp.write(Buffer.buffer(java.util.Arrays.copyOf(up.body(), Math.min(bytes, up.body().length))));
            req.connection().close();
            return true;
        };
    }

    /** Sends the body in {@code chunk}-byte pieces, one every {@code delayMs}. */
    public static Fault slow(int chunk, long delayMs, Vertx vertx) {
        return (req, up, resp) -> {
            copyHeaders(up, resp);
            resp.setStatusCode(up.status());
            writeSlowly(vertx, resp, up.body(), 0, chunk, delayMs);
            return true;
        };
    }

    private static void writeSlowly(Vertx vertx, HttpServerResponse resp, byte[] body, int from, int chunk, long delayMs) {
        int to = Math.min(body.length, from + chunk);
        resp.write(Buffer.buffer(java.util.Arrays.copyOfRange(body, from, to)));
        if (to >= body.length) {
            resp.end();
        } else {
            vertx.setTimer(delayMs, t -> writeSlowly(vertx, resp, body, to, chunk, delayMs));
        }
    }

    /** Rewrites the body (keeps the status and the other headers; fixes Content-Length). */
    public static Fault rewrite(java.util.function.UnaryOperator<byte[]> change, Map<String, String> headers) {
        return (req, up, resp) -> {
            copyHeaders(up, resp);
            headers.forEach(resp::putHeader);
            byte[] body = change.apply(up.body());
            resp.putHeader("Content-Length", String.valueOf(body.length));
            resp.setStatusCode(up.status());
            resp.end(Buffer.buffer(body));
            return true;
        };
    }

    /** Redirects (307) to the same path at {@code otherBase} ({@code http://localhost:PORT}). */
    public static Fault redirectTo(String otherBase) {
        return (req, up, resp) -> {
            resp.setStatusCode(307);
            resp.putHeader("Location", otherBase + req.uri());
            resp.end();
            return true;
        };
    }

    private static void copyHeaders(Upstream up, HttpServerResponse resp) {
        up.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("transfer-encoding") && !name.equalsIgnoreCase("connection")
                    && !name.startsWith(":")) {
                resp.putHeader(name, values);
            }
        });
    }

    private void handle(HttpServerRequest req) {
        Map<String, String> headers = new java.util.HashMap<>();
        req.headers().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
        Seen s = new Seen(req.method().name(), req.path(), headers, System.nanoTime());
        seen.add(s);
        Fault chosen = null;
        for (Rule r : rules) {
            synchronized (r.remaining()) {
                if (r.when().test(s) && r.remaining()[0] != 0) {
                    if (r.remaining()[0] > 0) {
                        r.remaining()[0]--;
                    }
                    chosen = r.fault();
                    break;
                }
            }
        }
        Fault fault = chosen;
        req.pause();
        vertx.executeBlocking(() -> forward(req.method().name(), req.uri(), headers)).onComplete(ar -> {
            HttpServerResponse resp = req.response();
            if (ar.failed()) {
                resp.setStatusCode(502).end(String.valueOf(ar.cause()));
                return;
            }
            Upstream up = ar.result();
            if (fault != null && fault.handle(req, up, resp)) {
                return;
            }
            copyHeaders(up, resp);
            resp.setStatusCode(up.status());
            resp.end(Buffer.buffer(up.body()));
        });
    }

    private Upstream forward(String method, String uri, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + uri))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach((k, v) -> {
            if (!List.of("host", "connection", "content-length", "upgrade", "expect").contains(k)) {
                b.header(k, v);
            }
        });
        upstreamHeaders.forEach(b::setHeader);
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> h = new java.util.LinkedHashMap<>(r.headers().map());
        h.remove(":status");
        h.remove("content-length");
        Map<String, List<String>> out = new java.util.LinkedHashMap<>(h);
        out.put("Content-Length", List.of(String.valueOf(r.body().length)));
        return new Upstream(r.statusCode(), out, r.body());
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
