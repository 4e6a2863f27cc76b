package dev.strata.cli;

import dev.strata.app.vulndb.DatabaseUpdater;
import dev.strata.app.vulndb.FeedSource;
import dev.strata.app.vulndb.FeedSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code strata db update}: downloads the configured feeds with conditional requests and imports what changed. */
@Command(name = "update", description = "Download the configured advisory feeds (conditional requests) and import "
        + "what changed.")
final class DbUpdateCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--config", paramLabel = "FILE",
            description = "Feed configuration (JSON; default: DIR/vulndb-sources.json if present, else the upstream feeds).")
    Path config;
    @Option(names = "--source", paramLabel = "NAME=URL",
            description = "Add a feed, or point a configured one (e.g. osv-Maven, debian-tracker) elsewhere; repeatable.")
    List<String> sources = new ArrayList<>();
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path root = data.directory().create();
        Path file = config != null ? config : root.resolve("vulndb-sources.json");
        List<FeedSource> overrides = new ArrayList<>();
        for (String s : sources) {
            overrides.add(FeedSource.parse(s));
        }
        List<FeedSource> feeds = FeedSources.resolve(config != null || Files.exists(file) ? file : null, overrides);
        DatabaseUpdater.Outcome outcome = new DatabaseUpdater(root).update(feeds, line -> {
            spec.commandLine().getErr().println("strata: " + line);
            spec.commandLine().getErr().flush();
        });
        if (outcome.status().isEmpty()) {
            spec.commandLine().getOut().println("Up to date: all " + outcome.notModified().size()
                    + " feeds unchanged since the last update.");
        } else {
            DbStatusCommand.warnMalformed(outcome.status().get(), spec.commandLine().getErr());
            spec.commandLine().getOut().print(DbStatusCommand.table(outcome.status().get()));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
