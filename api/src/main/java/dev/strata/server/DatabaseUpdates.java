package dev.strata.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.app.vulndb.DatabaseUpdater;
import dev.strata.app.vulndb.FeedSource;
import dev.strata.app.vulndb.FeedSources;
import io.vertx.core.WorkerExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /api/v1/db/update}'s work: one {@code strata db update} at a time on its own worker thread, over the
 * feeds of {@code <data>/vulndb-sources.json} (else the upstream defaults), remembering how the last one went.
 * Feeds come only from the server's side, never from the request.
 */
final class DatabaseUpdates {
    private final Path dataDir;
    private final WorkerExecutor worker;
    private final AtomicReference<Run> last = new AtomicReference<>();

    /** One update: {@code running}, {@code done} or {@code failed}, with what it downloaded and the generation live after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(String state, String startedAt, String finishedAt, List<String> downloaded, List<String> notModified,
               String generation, String error) {
        boolean running() {
            return state.equals("running");
        }
    }

    DatabaseUpdates(Path dataDir, WorkerExecutor worker) {
        this.dataDir = dataDir;
        this.worker = worker;
    }

    /** Starts an update on the worker; {@code 409} while one runs. */
    Run start() {
        Run previous = last.get();
        Run started = new Run("running", Instant.now().toString(), null, List.of(), List.of(), null, null);
        if ((previous != null && previous.running()) || !last.compareAndSet(previous, started)) {
            throw new ApiError(409, "update_running", "a database update is running already (started "
                    + last.get().startedAt() + ")");
        }
        worker.executeBlocking(() -> {
            last.set(run(started));
            return null;
        }, false);
        return started;
    }

    /** The update running now, or the last one, if any ran since the server started. */
    Optional<Run> last() {
        return Optional.ofNullable(last.get());
    }

    private Run run(Run started) {
        try {
            Path config = dataDir.resolve("vulndb-sources.json");
            List<FeedSource> feeds = FeedSources.resolve(Files.exists(config) ? config : null, List.of());
            DatabaseUpdater.Outcome outcome = new DatabaseUpdater(dataDir).update(feeds, line -> { });
            return new Run("done", started.startedAt(), Instant.now().toString(), outcome.downloaded(),
                    outcome.notModified(), outcome.status().map(s -> s.generation()).orElse(null), null);
        } catch (Exception | StackOverflowError e) {
            return new Run("failed", started.startedAt(), Instant.now().toString(), List.of(), List.of(), null,
                    ErrorText.describe(e));
        }
    }
}
