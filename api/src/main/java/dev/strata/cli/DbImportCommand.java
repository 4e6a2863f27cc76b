package dev.strata.cli;

import dev.strata.index.advisory.AdvisoryImporter;
import dev.strata.index.advisory.DatabaseStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code strata db import PATH…}: imports advisory files into a new database generation. */
@Command(name = "import", description = "Import OSV records, directories or zips, Debian tracker JSON and Alpine "
        + "secdb JSON (format detected from content) into the vulnerability database.")
final class DbImportCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
    List<Path> paths;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path root = data.directory().create();
        DatabaseStatus status = new AdvisoryImporter(root).importFiles(paths);
        DbStatusCommand.warnMalformed(status, spec.commandLine().getErr());
        spec.commandLine().getOut().print(DbStatusCommand.table(status));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
