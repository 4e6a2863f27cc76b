package dev.strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Entry point of the {@code strata} command: wires the subcommands and maps failures to exit code 2. */
@Command(name = "strata",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // every subcommand gets --help and --version too
        versionProvider = StrataVersion.class,
        description = "Container-image analysis: reads images, verifies and hashes every layer, indexes every file.")
public final class StrataCli implements Runnable {
    /**
     * The subcommands by name, in the order help lists them. Only the one a command line names is built:
     * picocli reflects over every option of every command it registers, which costs a cold JVM about 0.3 s
     * for the whole tree and a few milliseconds for one command.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
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
            PullCommand.class,
            SaveCommand.class,
            PruneCommand.class,
            CommandLine.HelpCommand.class);

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
        register(cli, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("strata: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
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

    /**
     * Registers the subcommand the first argument names, none for {@code --version}, or all of them (help, usage
     * errors, suggestions).
     */
    static void register(CommandLine cli, String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return; // the version needs no subcommand
        }
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null && named != CommandLine.HelpCommand.class) {
            cli.addSubcommand(named);
        } else {
            SUBCOMMANDS.values().forEach(cli::addSubcommand);
        }
    }

    /** Every subcommand's names; used by tests to check that lazy registration changes nothing. */
    static Set<String> subcommandNames() {
        return SUBCOMMANDS.keySet();
    }

    private static Map<String, Class<?>> subcommands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            Command command = c.getAnnotation(Command.class);
            byName.put(command.name(), c);
            for (String alias : command.aliases()) {
                byName.put(alias, c);
            }
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
