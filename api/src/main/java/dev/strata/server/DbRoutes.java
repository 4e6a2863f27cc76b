package dev.strata.server;

import dev.strata.app.vulndb.DatabaseStatusView;
import dev.strata.index.advisory.AdvisoryStore;
import dev.strata.index.advisory.NoAdvisoryDatabaseException;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/db}: the vulnerability database's status (as {@code strata db status}) and starting an update. */
final class DbRoutes {
    private final Path dataDir;
    private final DatabaseUpdates updates;
    private final WorkerExecutor workers;

    DbRoutes(Path dataDir, DatabaseUpdates updates, WorkerExecutor workers) {
        this.dataDir = dataDir;
        this.updates = updates;
        this.workers = workers;
    }

    /** {@code GET /api/v1/db}: the status JSON and the last update; 404 while there is no database. */
    void status(RoutingContext ctx) {
        Responses.blocking(ctx, workers, 200, () -> {
            Map<String, Object> m;
            try (AdvisoryStore store = AdvisoryStore.open(dataDir)) {
                m = new LinkedHashMap<>(DatabaseStatusView.of(store.status()));
            } catch (NoAdvisoryDatabaseException e) {
                String update = updates.last().map(r -> r.running() ? "; an update is running"
                        : r.error() != null ? "; the last update failed: " + r.error() : "").orElse("");
                throw new ApiError(404, "no_database", "no vulnerability database on the server: import one or "
                        + "POST /api/v1/db/update" + update);
            }
            updates.last().ifPresent(r -> m.put("update", r));
            return m;
        });
    }

    /** {@code POST /api/v1/db/update}: {@code 202} with the update started. */
    void update(RoutingContext ctx) {
        Responses.send(ctx, 202, Map.of("update", updates.start()));
    }
}
