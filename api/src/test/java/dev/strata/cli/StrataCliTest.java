package dev.strata.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class StrataCliTest {

    @Test
    void helpListsEverySubcommand() {
        CliRun run = CliRun.run("--help");
        assertThat(run.exitCode()).isZero();
        for (String name : StrataCli.subcommandNames()) {
            assertThat(run.out()).as("usage lists %s", name).containsPattern("(?m)^\\s+" + name + "\\b");
        }
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        CommandLine cli = new CommandLine(new StrataCli());
        StrataCli.register(cli, new String[]{"scan", "x.tar"});
        assertThat(cli.getSubcommands().keySet()).containsExactly("scan");
        assertThat(cli.getSubcommands().get("scan").getCommandSpec().qualifiedName()).isEqualTo("strata scan");
    }

    @Test
    void helpAndUnknownCommandsGetTheWholeTree() {
        for (String[] args : new String[][]{{"help", "scan"}, {"scna"}, {}, {"--help"}, {"--version", "scan"}}) {
            CommandLine cli = new CommandLine(new StrataCli());
            StrataCli.register(cli, args);
            assertThat(cli.getSubcommands().keySet()).containsAll(StrataCli.subcommandNames());
        }
    }

    @Test
    void everySubcommandAnswersHelp() {
        for (String name : StrataCli.subcommandNames()) {
            CliRun run = CliRun.run(name, "--help");
            assertThat(run.exitCode()).as("%s --help: %s", name, run.err()).isZero();
            assertThat(run.out()).as(name).contains("Usage: strata " + name);
        }
    }

    @Test
    void theVersionNeedsNoSubcommand() {
        CommandLine cli = new CommandLine(new StrataCli());
        StrataCli.register(cli, new String[]{"--version"});
        assertThat(cli.getSubcommands()).isEmpty();
        CliRun run = CliRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("strata ");
    }

    @Test
    void aSubcommandsUsageErrorNamesItsFullCommand() {
        CliRun run = CliRun.run("scan", "--no-such-option", "x.tar");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'").contains("Try 'strata scan --help'");
    }

    @Test
    void helpForASubcommandPrintsItsUsage() {
        CliRun run = CliRun.run("help", "efficiency");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: strata efficiency");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.run("scna");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("scna").contains("scan");
    }
}
