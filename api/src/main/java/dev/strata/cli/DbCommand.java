package dev.strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strata db}: the vulnerability database — import files, download updates, show its status. */
@Command(name = "db", description = "Manage the vulnerability database.",
        subcommands = {DbImportCommand.class, DbUpdateCommand.class, DbStatusCommand.class, CommandLine.HelpCommand.class})
final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
