package dev.strata.scanner.registry;

import dev.strata.scanner.image.ManifestParser;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Loads the registry client's classes (Vert.x, Netty, the HTTP path, manifest parsing) on a background
 * thread while the command line is parsed and the index opens: on a cold JVM that is about a second the
 * pull no longer waits for. It sends one {@code GET /v2/} to the registry the pull is about to use.
 */
public final class RegistryWarmup {
    private RegistryWarmup() {
    }

    /** Starts warming up for a pull from {@code reference}'s registry; never fails. */
    public static void start(String reference) {
        Thread t = new Thread(() -> warm(reference), "strata-registry-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void warm(String text) {
        Vertx vertx = null;
        try {
            RegistryReference ref = RegistryReference.parse(text);
            RegistryClient.quietLogging();
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
            String scheme = Loopback.isLoopback(ref.registry()) ? "http" : "https";
            client.request(new RequestOptions().setAbsoluteURI(scheme + "://" + ref.registry() + "/v2/"))
                    .compose(r -> r.send()).compose(r -> r.body())
                    .toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
            ManifestParser.parse(("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                    + "0".repeat(64) + "\",\"size\":2},\"layers\":[]}").getBytes(StandardCharsets.UTF_8), "warm-up");
        } catch (Exception | LinkageError e) {
            // only a head start: real problems show up in the real pull
        } finally {
            if (vertx != null) {
                vertx.close();
            }
        }
    }
}
