package dev.strata.cli;

import dev.strata.scanner.gate.GateEvaluator;
import dev.strata.scanner.gate.GatePolicy;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.gate.IgnoreRule;
import dev.strata.scanner.gate.VexStatement;
import dev.strata.scanner.report.ScanReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;

/**
 * One gated {@code strata scan}: the ignore rules and VEX statements are read before the scan (a bad file fails
 * it before any layer is read), then the report's findings are assessed, every output written, expired ignore
 * entries warned about, and the verdict printed as the last stderr line; the exit code is the verdict's.
 */
final class GateRun {
    private final GateOptions options;
    private final List<IgnoreRule> ignoreRules;
    private final List<VexStatement> vex;

    private GateRun(GateOptions options, List<IgnoreRule> ignoreRules, List<VexStatement> vex) {
        this.options = options;
        this.ignoreRules = ignoreRules;
        this.vex = vex;
    }

    /** Reads the ignore file and the VEX documents {@code options} name; malformed ones throw (exit 2). */
    static GateRun prepare(GateOptions options, java.nio.file.Path workingDir) throws IOException {
        return new GateRun(options, options.ignoreRules(workingDir), options.vexStatements());
    }

    /** The report's findings assessed by no policy, no ignore rule and no VEX: all count, none fails. */
    static GateResult ungated(ScanReport report) {
        return new GateEvaluator(GatePolicy.none(), List.of(), null, LocalDate.now()).evaluate(report.vulnerabilities());
    }

    /** Assesses, writes every target, warns, prints the verdict; returns the exit code (0 pass, 1 fail). */
    int finish(ScanReport report, List<OutputTarget> targets, Terminal terminal, PrintWriter out, PrintWriter err)
            throws IOException {
        GateResult result = options.evaluate(report.vulnerabilities(), ignoreRules, vex, report.image().digest(),
                LocalDate.now());
        for (OutputTarget target : targets) {
            boolean colour = target.file() == null && terminal.colour();
            OutputOptions.write(ScanOutputs.render(target.format(), report, result, colour), target.file(), out);
        }
        if (!options.quiet) {
            for (IgnoreRule rule : result.expiredIgnores()) {
                err.println("strata: warning: " + rule.location() + ": ignore entry for " + rule.id() + " expired on "
                        + rule.expires() + " and no longer suppresses");
            }
        }
        if (options.failOn != null) {
            err.println(result.verdict().line());
        }
        err.flush();
        return result.verdict().exitCode();
    }
}
