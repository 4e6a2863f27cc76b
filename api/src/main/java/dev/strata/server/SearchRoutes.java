package dev.strata.server;

import dev.strata.app.SearchQuery;
import dev.strata.app.SearchHitJson;
import dev.strata.index.FileHit;
import dev.strata.index.IndexedPackage;
import dev.strata.index.StrataIndex;
import dev.strata.scanner.image.Digest;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/search?q=…&limit=&offset=}: packages or files across every indexed image, a page at a time. */
final class SearchRoutes {
    static final int MAX_LIMIT = 1000;
    private final StrataIndex index;
    private final WorkerExecutor workers;

    SearchRoutes(StrataIndex index, WorkerExecutor workers) {
        this.index = index;
        this.workers = workers;
    }

    void search(RoutingContext ctx) {
        String q = ctx.request().getParam("q");
        if (q == null || q.isBlank()) {
            throw ApiError.badRequest("missing q: purl:PURL[*], name:NAME, path:PATH[*] or sha256:HEX");
        }
        int limit = intParam(ctx, "limit", 100);
        int offset = intParam(ctx, "offset", 0);
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw ApiError.badRequest("limit must be 1.." + MAX_LIMIT + " and offset not negative");
        }
        SearchQuery query = SearchQuery.parse(q); // IllegalArgumentException → 400
        Responses.blocking(ctx, workers, 200, () -> {
            // one more than asked, to know whether a next page exists
            List<Map<String, Object>> hits = switch (query.field()) {
                case PURL -> packages(index.packagesByPurl(query.value(), offset, limit + 1));
                case NAME -> packages(index.packagesByName(query.value(), offset, limit + 1));
                case PATH -> files(query.isPrefix() ? index.filesByPathPrefix(query.stem(), offset, limit + 1)
                        : index.filesByPath(query.value(), offset, limit + 1));
                case SHA256 -> files(index.filesBySha256(Digest.parse(query.value()), offset, limit + 1));
            };
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("query", q);
            page.put("offset", offset);
            page.put("limit", limit);
            page.put("results", hits.subList(0, Math.min(limit, hits.size())));
            page.put("next", hits.size() > limit ? "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                    + "&offset=" + (offset + limit) + "&limit=" + limit : null);
            return page;
        });
    }

    private List<Map<String, Object>> packages(List<IndexedPackage> hits) {
        return hits.stream().map(p -> SearchHitJson.packageHit(p, "package", null)).toList();
    }

    private List<Map<String, Object>> files(List<FileHit> hits) {
        Map<Digest, List<String>> imagesByLayer = new HashMap<>();
        return hits.stream().map(h -> SearchHitJson.fileHit(h, "file", imagesByLayer.computeIfAbsent(h.diffId(),
                d -> index.imagesWithLayer(d).stream().map(i -> i.manifestDigest().toString()).toList()))).toList();
    }

    private static int intParam(RoutingContext ctx, String name, int dflt) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, not '" + v + "'");
        }
    }
}
