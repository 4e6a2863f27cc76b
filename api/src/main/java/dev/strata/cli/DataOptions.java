package dev.strata.cli;

import dev.strata.app.DataDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --data DIR} option every command that touches the index takes. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: $STRATA_DATA, else ~/.strata).")
    Path data;

    DataDirectory directory() {
        return DataDirectory.resolve(data);
    }
}
