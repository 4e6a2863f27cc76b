package dev.strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Entry point of the {@code strata} command: wires the subcommands and maps failures to exit code 2. */
@Command(name = "strata",
        mixinStandardHelpOptions = true,
        versionProvider = StrataVersion.class,
        description = "Container-image analysis: reads images, verifies and hashes every layer, indexes every file.",
        subcommands = {
                ScanCommand.class,
                InspectCommand.class,
                HistoryCommand.class,
                LayersCommand.class,
                ImagesCommand.class,
                RemoveCommand.class,
                SearchCommand.class,
                SbomCommand.class,
                DbCommand.class,
                EfficiencyCommand.class,
                DedupCommand.class,
                DiffCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class StrataCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        dev.strata.app.DebugLog.log("main");
        StartupWarmer.start();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests in-process). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new StrataCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("strata: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCodes.ERROR;
        });
        int code = cli.execute(args);
        dev.strata.app.DebugLog.log("done, exit %d", code);
        out.flush();
        err.flush();
        return code;
    }
}
