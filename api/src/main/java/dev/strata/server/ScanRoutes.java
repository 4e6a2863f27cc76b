package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.scanner.report.ReportJson;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/scans}: start a scan, its status, its progress as Server-Sent Events, its report. */
final class ScanRoutes {
    private final ScanJobs jobs;
    private final JobStore store;
    private final ReferencePolicy policy;
    private final WorkerExecutor workers;
    /** A comment line this often keeps idle proxies from closing a long scan's event stream. */
    static final long KEEP_ALIVE_MILLIS = 15_000;
    private final ReportCache cache = new ReportCache(256);

    ScanRoutes(ScanJobs jobs, JobStore store, ReferencePolicy policy, WorkerExecutor workers) {
        this.jobs = jobs;
        this.store = store;
        this.policy = policy;
        this.workers = workers;
    }

    /** {@code POST /api/v1/scans {"image": REF, "platform": "linux/amd64"}}. */
    void create(RoutingContext ctx) {
        JsonNode body;
        try {
            body = Responses.JSON.readTree(ctx.body().asString("UTF-8"));
        } catch (Exception e) {
            throw ApiError.badRequest("the body is not JSON: " + ErrorText.describe(e));
        }
        if (body == null || !body.isObject() || !body.path("image").isTextual() || body.get("image").asText().isBlank()) {
            throw ApiError.badRequest("expected a JSON object with \"image\": a reference such as "
                    + "registry.example/app:1.0");
        }
        if (body.has("platform") && !body.get("platform").isTextual()) {
            throw ApiError.badRequest("\"platform\" must be text such as linux/amd64");
        }
        String image = body.get("image").asText().strip();
        String platform = body.path("platform").asText(null);
        policy.checkText(image);
        Responses.blocking(ctx, workers, 202, () -> view(jobs.submit(image, platform)));
    }

    /** {@code GET /api/v1/scans/{id}}. */
    void get(RoutingContext ctx) {
        Responses.send(ctx, 200, view(job(ctx)));
    }

    /** {@code GET /api/v1/scans/{id}/events}: the job now, then every change, until it finished. */
    void events(RoutingContext ctx) {
        ScanJob job = job(ctx);
        HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        MessageConsumer<String> consumer = ctx.vertx().eventBus().localConsumer(ScanJobs.address(job.id()));
        consumer.handler(message -> {
            ScanJob now;
            try {
                now = Responses.JSON.readValue(message.body(), ScanJob.class);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            writeEvent(response, now);
            if (now.status().finished()) {
                consumer.unregister();
                response.end();
            }
        });
        long keepAlive = ctx.vertx().setPeriodic(KEEP_ALIVE_MILLIS, t -> {
            if (!response.ended()) {
                response.write(": keep-alive\n\n");
            }
        });
        response.endHandler(v -> ctx.vertx().cancelTimer(keepAlive));
        response.closeHandler(v -> {
            ctx.vertx().cancelTimer(keepAlive);
            consumer.unregister();
        });
        ScanJob current = jobs.get(job.id()).orElse(job); // after subscribing: no change falls between
        writeEvent(response, current);
        if (current.status().finished()) {
            consumer.unregister();
            response.end();
        }
    }

    private void writeEvent(HttpServerResponse response, ScanJob job) {
        if (!response.ended()) {
            response.write("event: " + (job.status().finished() ? job.status().json() : "progress") + "\ndata: "
                    + Responses.json(view(job)) + "\n\n");
        }
    }

    /** {@code GET /api/v1/scans/{id}/report?format=json|cyclonedx|spdx}. */
    void report(RoutingContext ctx) {
        ScanJob job = job(ctx);
        ReportFormat format = ReportFormat.parse(ctx.request().getParam("format"));
        if (job.status() != JobStatus.DONE) {
            throw new ApiError(409, "not_done", "scan " + job.id() + " is " + job.status().json()
                    + (job.error() != null ? ": " + job.error().message() : "; its report is not ready"));
        }
        var cached = cache.get(job.id(), format);
        if (cached.isPresent()) {
            ctx.response().putHeader("Content-Type", format.contentType()).end(cached.get());
            return;
        }
        workers.executeBlocking(() -> {
            byte[] json = store.report(job.id()).orElseThrow(() -> ApiError.notFound("the report of scan " + job.id()
                    + " is missing"));
            Buffer rendered = format == ReportFormat.JSON ? Buffer.buffer(json)
                    : Buffer.buffer(format.render(ReportJson.read(new String(json, StandardCharsets.UTF_8))));
            cache.put(job.id(), format, rendered);
            return rendered;
        }, false).onSuccess(b -> ctx.response().putHeader("Content-Type", format.contentType()).end(b))
                .onFailure(ctx::fail);
    }

    private ScanJob job(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return (JobStore.validId(id) ? jobs.get(id) : java.util.Optional.<ScanJob>empty())
                .orElseThrow(() -> ApiError.notFound("no scan " + id));
    }

    /** The job as the API shows it: without server paths, with links. */
    static Map<String, Object> view(ScanJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("status", job.status().json());
        m.put("image", job.upload() ? "upload" : job.image());
        m.put("platform", job.platform());
        if (job.digest() != null) {
            m.put("digest", job.digest());
        }
        m.put("attempts", job.attempts());
        m.put("progress", job.progress());
        if (job.error() != null) {
            m.put("error", job.error());
        }
        m.put("createdAt", job.createdAt());
        if (job.startedAt() != null) {
            m.put("startedAt", job.startedAt());
        }
        if (job.finishedAt() != null) {
            m.put("finishedAt", job.finishedAt());
        }
        String self = "/api/v1/scans/" + job.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("events", self + "/events");
        links.put("report", self + "/report");
        m.put("links", links);
        return m;
    }

}
