package dev.strata.app.vulndb;

import dev.strata.index.advisory.AdvisoryImporter;
import dev.strata.index.advisory.DatabaseStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code strata db update}: fetches every source with a conditional GET into {@code vulndb/downloads/}, checks each
 * new copy is whole, imports all new copies in one generation, and only then remembers their validators. Any
 * failed or corrupt download fails the update before the import, so the previous database stays live and the next
 * update asks again.
 */
public final class DatabaseUpdater {
    private final Path dataDir;

    public DatabaseUpdater(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** What one update did: sources unchanged, sources downloaded, and the new status (empty when nothing changed). */
    public record Outcome(List<String> notModified, List<String> downloaded, Optional<DatabaseStatus> status) {
    }

    /** Updates from {@code sources}; {@code progress} gets one line per source. */
    public Outcome update(List<FeedSource> sources, Consumer<String> progress) throws IOException {
        Path vulndb = Files.createDirectories(dataDir.resolve("vulndb"));
        Path downloads = vulndb.resolve("downloads");
        SourceState state = SourceState.load(vulndb);
        Map<FeedSource, FeedDownloader.Result.Downloaded> fresh = new LinkedHashMap<>();
        List<String> notModified = new ArrayList<>();
        try (FeedDownloader downloader = new FeedDownloader()) {
            for (FeedSource source : sources) {
                Path target = downloads.resolve(source.name() + ".download");
                FeedDownloader.Result result = downloader.fetch(source, state.get(source), target);
                if (result instanceof FeedDownloader.Result.Downloaded d) {
                    DownloadCheck.verify(source, d.file());
                    fresh.put(source, d);
                    progress.accept(source.name() + ": downloaded " + Files.size(d.file()) + " bytes");
                } else {
                    notModified.add(source.name());
                    progress.accept(source.name() + ": not modified");
                }
            }
            if (fresh.isEmpty()) {
                return new Outcome(notModified, List.of(), Optional.empty());
            }
            DatabaseStatus status = new AdvisoryImporter(dataDir).importFiles(
                    fresh.values().stream().map(FeedDownloader.Result.Downloaded::file).toList());
            fresh.forEach((source, d) -> state.put(source, d.validators()));
            state.save();
            return new Outcome(notModified, fresh.keySet().stream().map(FeedSource::name).toList(), Optional.of(status));
        } finally {
            for (FeedSource source : sources) {
                Files.deleteIfExists(downloads.resolve(source.name() + ".download"));
            }
        }
    }
}
