package dev.strata.server;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.util.UUID;

/**
 * {@code POST /api/v1/images}: streams a docker-archive or oci-archive tar (the raw request body) to
 * {@code <data>/uploads/}, refusing more than {@code limits.maxUploadBytes} (413, file removed), then queues
 * its scan like a reference's.
 */
final class UploadRoute {
    private final ScanJobs jobs;
    private final Path uploads;
    private final long maxBytes;
    private final WorkerExecutor workers;

    UploadRoute(ScanJobs jobs, Path uploads, long maxBytes, WorkerExecutor workers) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.maxBytes = maxBytes;
        this.workers = workers;
    }

    void upload(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > maxBytes) {
            throw tooLarge();
        }
        jobs.checkCapacity();
        String platform = request.getParam("platform");
        Path file = uploads.resolve(UUID.randomUUID() + ".tar");
        ctx.vertx().fileSystem().open(file.toString(), new OpenOptions().setCreateNew(true).setWrite(true))
                .onFailure(ctx::fail)
                .onSuccess(out -> receive(ctx, request, out, file, platform));
    }

    private void receive(RoutingContext ctx, HttpServerRequest request, AsyncFile out, Path file, String platform) {
        long[] received = {0};
        boolean[] failed = {false};
        request.handler(chunk -> {
            if (failed[0]) {
                return;
            }
            received[0] += chunk.length();
            if (received[0] > maxBytes) {
                failed[0] = true;
                out.close().onComplete(v -> ctx.vertx().fileSystem().delete(file.toString()).onComplete(d -> {
                    Responses.error(ctx, 413, "upload_too_large", "the upload is larger than " + maxBytes + " bytes");
                    request.connection().close();
                }));
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                request.pause();
                out.drainHandler(v -> request.resume());
            }
        });
        request.exceptionHandler(e -> {
            if (!failed[0]) {
                failed[0] = true;
                out.close().onComplete(v -> ctx.vertx().fileSystem().delete(file.toString()));
            }
        });
        request.endHandler(v -> {
            if (failed[0]) {
                return;
            }
            out.close().onFailure(ctx::fail).onSuccess(closed -> {
                if (received[0] == 0) {
                    ctx.vertx().fileSystem().delete(file.toString()).onComplete(d -> ctx.fail(ApiError.badRequest(
                            "empty upload: send a docker-archive or oci-archive tar as the body")));
                    return;
                }
                Responses.blocking(ctx, workers, 202, () -> {
                    try {
                        return ScanRoutes.view(jobs.submitUpload(file, platform));
                    } catch (RuntimeException e) {
                        java.nio.file.Files.deleteIfExists(file);
                        throw e;
                    }
                });
            });
        });
        request.resume();
    }

    private ApiError tooLarge() {
        return new ApiError(413, "upload_too_large", "the upload is larger than " + maxBytes + " bytes");
    }
}
