package dev.strata.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.scanner.report.ReportJson;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.Callable;

/** Writing API responses: JSON bodies, {@code {"error":{"code","message"}}} errors, blocking work off the loop. */
final class Responses {
    static final ObjectMapper JSON = ReportJson.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

    private Responses() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + e.getMessage(), e);
        }
    }

    static void send(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof String s ? s : json(body));
    }

    static void error(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)).encode());
    }

    /** Runs {@code work} on the API worker pool and answers with its result as JSON (or fails the context). */
    static <T> void blocking(RoutingContext ctx, WorkerExecutor workers, int status, Callable<T> work) {
        Future<T> f = workers.executeBlocking(work, false);
        f.onSuccess(v -> send(ctx, status, v)).onFailure(ctx::fail);
    }

    /** The failure handler: ApiError as itself, a body over the limit as 413, anything else as 500. */
    static void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof ApiError e) {
            if (e.retryAfterSeconds() != null) {
                ctx.response().putHeader("Retry-After", e.retryAfterSeconds().toString());
            }
            error(ctx, e.status(), e.code(), e.getMessage());
        } else if (ctx.statusCode() == 413) {
            error(ctx, 413, "body_too_large", "the request body is larger than the server accepts");
        } else if (t == null && ctx.statusCode() >= 400) {
            error(ctx, ctx.statusCode(), statusCode(ctx.statusCode()), statusText(ctx.statusCode()));
        } else {
            if (t != null && !(t instanceof IllegalArgumentException)) {
                System.err.println("strata: error: " + ctx.request().method() + " " + ctx.request().path() + ": "
                        + ErrorText.describe(t));
            }
            if (t instanceof IllegalArgumentException) {
                error(ctx, 400, "bad_request", ErrorText.describe(t));
            } else {
                error(ctx, 500, "internal", t == null ? "internal error" : ErrorText.describe(t));
            }
        }
    }

    private static String statusCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            default -> "http_" + status;
        };
    }

    private static String statusText(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            default -> "request failed with status " + status;
        };
    }
}
