package dev.strata.app.vulndb;

import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.core.buffer.Buffer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads one feed with a conditional GET (Vert.x web client): {@code If-None-Match} / {@code If-Modified-Since}
 * from the validators of the copy already imported; the body is streamed to a file, never held in memory. Called
 * from a plain (non-event-loop) thread, which waits for the result.
 */
public final class FeedDownloader implements Closeable {
    private static final long TIMEOUT_MINUTES = 30;

    private final Vertx vertx;
    private final WebClient client;

    public FeedDownloader() {
        quietLogging();
        this.vertx = Vertx.vertx();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("strata-db-update")
                .setDecompressionSupported(true)
                .setFollowRedirects(true)
                .setConnectTimeout(30_000)
                .setIdleTimeout(120));
    }

    /** The outcome of one conditional GET. */
    public sealed interface Result {
        /** The server says our copy is current (HTTP 304). */
        record NotModified() implements Result {
        }

        /** A new copy was written to {@code file}, with the validators to remember once it is imported. */
        record Downloaded(Path file, SourceState.Validators validators) implements Result {
        }
    }

    /** Fetches {@code source} into {@code target} unless {@code known} validators are still current. */
    public Result fetch(FeedSource source, Optional<SourceState.Validators> known, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        AsyncFile file = await(vertx.fileSystem().open(target.toString(),
                new OpenOptions().setWrite(true).setCreate(true).setTruncateExisting(true)), source);
        HttpRequest<Buffer> request = client.getAbs(source.url().toString());
        known.ifPresent(v -> {
            if (v.etag() != null) {
                request.putHeader("If-None-Match", v.etag());
            }
            if (v.lastModified() != null) {
                request.putHeader("If-Modified-Since", v.lastModified());
            }
        });
        HttpResponse<Void> response;
        try {
            response = await(request.as(BodyCodec.pipe(file)).send(), source);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        int status = response.statusCode();
        if (status == 304) {
            Files.deleteIfExists(target);
            return new Result.NotModified();
        }
        if (status != 200) {
            Files.deleteIfExists(target);
            throw new IOException("downloading " + source.name() + " from " + source.url() + ": HTTP " + status
                    + " " + response.statusMessage());
        }
        String length = response.getHeader("Content-Length");
        if (length != null && response.getHeader("Content-Encoding") == null && length.matches("\\d+")
                && Files.size(target) != Long.parseLong(length)) {
            throw new IOException("downloading " + source.name() + " from " + source.url() + ": got "
                    + Files.size(target) + " of " + length + " bytes");
        }
        return new Result.Downloaded(target, new SourceState.Validators(response.getHeader("ETag"),
                response.getHeader("Last-Modified")));
    }

    private static <T> T await(io.vertx.core.Future<T> future, FeedSource source) throws IOException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("downloading " + source.name() + " from " + source.url() + " failed: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        } catch (TimeoutException e) {
            throw new IOException("downloading " + source.name() + " from " + source.url() + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + source.name(), e);
        }
    }

    /**
     * slf4j-api is on the class path (via the JSON schema validator) without a provider; keep Vert.x and Netty on
     * java.util.logging so they do not print SLF4J's "no providers" notice on every run.
     */
    private static void quietLogging() {
        if (System.getProperty("vertx.logger-delegate-factory-class-name") == null) {
            System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
        }
        io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
                io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
