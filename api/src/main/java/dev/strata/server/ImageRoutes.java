package dev.strata.server;

import dev.strata.index.IndexedImage;
import dev.strata.index.RemovedImage;
import dev.strata.index.StrataIndex;
import dev.strata.scanner.report.ImageSummary;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/images}: the indexed images, one image's details, history and layers, removal. */
final class ImageRoutes {
    private final StrataIndex index;
    private final WorkerExecutor workers;

    ImageRoutes(StrataIndex index, WorkerExecutor workers) {
        this.index = index;
        this.workers = workers;
    }

    void list(RoutingContext ctx) {
        Responses.blocking(ctx, workers, 200, () -> Map.of("images",
                index.images().stream().map(ImageRoutes::summary).toList()));
    }

    /** {@code GET /api/v1/images/{digest}}: the stored facts and the report's image section. */
    void inspect(RoutingContext ctx) {
        String name = ctx.pathParam("digest");
        Responses.blocking(ctx, workers, 200, () -> {
            IndexedImage image = find(name);
            Map<String, Object> m = summary(image);
            m.put("image", report(image).image());
            return m;
        });
    }

    /** {@code …/history}: newest first, as {@code strata history --format json}. */
    void history(RoutingContext ctx) {
        String name = ctx.pathParam("digest");
        Responses.blocking(ctx, workers, 200, () -> {
            List<ImageSummary.HistoryRow> rows = new ArrayList<>(report(find(name)).image().history());
            Collections.reverse(rows);
            return rows;
        });
    }

    /** {@code …/layers}: as {@code strata layers --format json}. */
    void layers(RoutingContext ctx) {
        String name = ctx.pathParam("digest");
        Responses.blocking(ctx, workers, 200, () -> report(find(name)).layers());
    }

    void remove(RoutingContext ctx) {
        String name = ctx.pathParam("digest");
        Responses.blocking(ctx, workers, 200, () -> {
            IndexedImage image = find(name);
            RemovedImage removed = index.removeImage(image.manifestDigest());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("removed", image.manifestDigest().toString());
            m.put("removedLayers", removed.removedLayers().stream().map(Object::toString).toList());
            return m;
        });
    }

    private IndexedImage find(String name) {
        return index.findImage(name).orElseThrow(() -> ApiError.notFound("no indexed image matches '" + name + "'"));
    }

    private static ScanReport report(IndexedImage image) {
        if (image.reportJson() == null) {
            throw ApiError.notFound("image " + image.manifestDigest() + " has no stored report");
        }
        return ReportJson.read(image.reportJson());
    }

    static Map<String, Object> summary(IndexedImage i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("digest", i.manifestDigest().toString());
        m.put("configDigest", i.configDigest() == null ? null : i.configDigest().toString());
        m.put("reference", i.reference());
        m.put("repoTags", i.repoTags());
        m.put("platform", i.platform());
        m.put("diffIds", i.diffIds().stream().map(Object::toString).toList());
        m.put("indexedAt", Instant.ofEpochMilli(i.indexedAtMillis()).toString());
        return m;
    }
}
