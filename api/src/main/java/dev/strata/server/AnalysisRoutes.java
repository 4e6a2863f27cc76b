package dev.strata.server;

import dev.strata.app.DedupService;
import dev.strata.app.EfficiencyService;
import dev.strata.app.ImageDiffService;
import dev.strata.app.ImageNotFoundException;
import dev.strata.app.VulnerabilityScan;
import dev.strata.index.StrataIndex;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.Callable;

/**
 * The index-wide analyses as {@code strata efficiency}, {@code dedup} and {@code diff} give them in JSON:
 * {@code GET /api/v1/images/{digest}/efficiency}, {@code GET /api/v1/dedup}, {@code GET /api/v1/diff?from=&to=}.
 * They read the index only (an image must have been scanned); an unknown image is a 404.
 */
final class AnalysisRoutes {
    static final int MAX_LIMIT = 10_000;
    private final StrataIndex index;
    private final VulnerabilityDatabase vulnerabilities;
    private final WorkerExecutor workers;

    AnalysisRoutes(StrataIndex index, VulnerabilityDatabase vulnerabilities, WorkerExecutor workers) {
        this.index = index;
        this.vulnerabilities = vulnerabilities;
        this.workers = workers;
    }

    /** {@code GET /api/v1/images/{digest}/efficiency?limit=20}. */
    void efficiency(RoutingContext ctx) {
        String image = ctx.pathParam("digest");
        int limit = limit(ctx, 20);
        answer(ctx, () -> new EfficiencyService(index).efficiency(image, limit));
    }

    /** {@code GET /api/v1/dedup?limit=20}. */
    void dedup(RoutingContext ctx) {
        int limit = limit(ctx, 20);
        answer(ctx, () -> new DedupService(index).report(limit));
    }

    /** {@code GET /api/v1/diff?from=A&to=B&limit=100}: findings compared after matching both against the live database. */
    void diff(RoutingContext ctx) {
        String from = ctx.request().getParam("from");
        String to = ctx.request().getParam("to");
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw ApiError.badRequest("diff needs ?from=IMAGE&to=IMAGE (digest, short id or tag of indexed images)");
        }
        int limit = limit(ctx, 100);
        answer(ctx, () -> {
            VulnerabilityScan db = vulnerabilities.scan().orElse(null);
            return new ImageDiffService(index, db).diff(from.strip(), to.strip(), limit);
        });
    }

    private void answer(RoutingContext ctx, Callable<Object> work) {
        Responses.blocking(ctx, workers, 200, () -> {
            try {
                return work.call();
            } catch (ImageNotFoundException e) {
                throw ApiError.notFound(e.getMessage());
            }
        });
    }

    private static int limit(RoutingContext ctx, int dflt) {
        String v = ctx.request().getParam("limit");
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int limit = Integer.parseInt(v);
            if (limit >= 0 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // fall through to the one message
        }
        throw ApiError.badRequest("limit must be a whole number 0.." + MAX_LIMIT + ", not '" + v + "'");
    }
}
