package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link StrataServer} started in-process on a random loopback port, with the blocked-thread checker at a
 * low threshold: any event-loop thread blocked longer than 500 ms (a quarter of the default 2 s; lower catches GC and allocation stalls of this shared 2-core machine) is recorded and fails {@link #close()}.
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final StrataServer server;
    final WebClient client;
    private final io.vertx.core.Vertx clientVertx;
    final Path data;
    private final List<String> blocked = new CopyOnWriteArrayList<>();
    String token;

    private TestServer(StrataServer server, Path data) {
        this.server = server;
        this.data = data;
        this.clientVertx = io.vertx.core.Vertx.vertx();
        this.client = WebClient.create(clientVertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()));
        ((VertxInternal) server.vertx()).blockedThreadChecker().setThreadBlockedHandler(this::blocked);
    }

    /** Starts with the YAML {@code configYaml} (data and port are set here). */
    static TestServer start(Path dir, String configYaml) throws Exception {
        Path data = dir.resolve("data");
        Path configFile = dir.resolve("strata.yaml");
        Files.writeString(configFile, configYaml);
        ServerConfig config = ServerConfig.load(configFile).withListen("127.0.0.1", 0, data);
        VertxOptions options = new VertxOptions().setBlockedThreadCheckInterval(20)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(500).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setWarningExceptionTime(10).setWarningExceptionTimeUnit(TimeUnit.SECONDS);
        return new TestServer(StrataServer.start(config, options), data);
    }

    static TestServer startOpenWithLocalPaths(Path dir) throws Exception {
        return start(dir, "allowLocalPaths: true\n");
    }

    private void blocked(BlockedThreadEvent event) {
        if (event.thread().getName().contains("eventloop")) {
            StringBuilder where = new StringBuilder();
            for (StackTraceElement e : event.thread().getStackTrace()) {
                where.append("\n    at ").append(e);
            }
            blocked.add(event.thread().getName() + " blocked for " + event.duration() / 1_000_000 + " ms" + where);
        }
    }

    HttpResponse<Buffer> send(HttpMethod method, String path, Buffer body) throws Exception {
        var request = client.request(method, path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        var future = body == null ? request.send() : request.sendBuffer(body);
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    HttpResponse<Buffer> get(String path) throws Exception {
        return send(HttpMethod.GET, path, null);
    }

    HttpResponse<Buffer> post(String path, String json) throws Exception {
        return send(HttpMethod.POST, path, Buffer.buffer(json));
    }

    static JsonNode json(HttpResponse<Buffer> response) throws Exception {
        return JSON.readTree(response.bodyAsString());
    }

    /** Posts a scan of {@code image} and returns the job JSON (asserting 202). */
    JsonNode scan(String image) throws Exception {
        HttpResponse<Buffer> r = post("/api/v1/scans", JSON.createObjectNode().put("image", image).toString());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
        return json(r);
    }

    /** Polls the job until it finished (at most 60 s) and returns it. */
    JsonNode await(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode job = json(get("/api/v1/scans/" + id));
            String status = job.get("status").asText();
            if (status.equals("done") || status.equals("failed")) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("scan " + id + " did not finish in 60 s");
    }

    static void assertError(HttpResponse<Buffer> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        JsonNode error = json(r).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Override
    public void close() throws Exception {
        client.close();
        clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close();
        assertThat(blocked).as("event-loop threads blocked").isEmpty();
    }
}
