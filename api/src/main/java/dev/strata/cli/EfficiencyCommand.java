package dev.strata.cli;

import dev.strata.app.EfficiencyService;
import dev.strata.app.Strata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code strata efficiency IMAGE}: wasted bytes, duplicate files and the efficiency score, with an optional gate. */
@Command(name = "efficiency", description = {
        "Show an image's wasted bytes (overwritten, deleted or repeated in several layers), duplicate files and "
                + "efficiency score, and the indexed image it is built on.",
        "Exit 1 when --max-wasted-bytes or --min-efficiency is not met."})
final class EfficiencyCommand implements Callable<Integer> {
    @Mixin
    ImageOptions image;
    @Mixin
    DataOptions data;
    @Mixin
    OutputOptions output;
    @Spec
    CommandSpec spec;

    @Option(names = "--max-wasted-bytes", paramLabel = "BYTES", converter = ByteSizeConverter.class,
            description = "Fail (exit 1) when the wasted bytes exceed this, e.g. 10MB, 5MiB.")
    Long maxWastedBytes;

    @Option(names = "--min-efficiency", paramLabel = "RATIO",
            description = "Fail (exit 1) when the efficiency score is below this ratio (0..1), e.g. 0.9.")
    Double minEfficiency;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Wasted paths and duplicate contents to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (minEfficiency != null && !(minEfficiency >= 0 && minEfficiency <= 1)) {
            throw new ParameterException(spec.commandLine(),
                    "--min-efficiency must be between 0 and 1, got " + minEfficiency);
        }
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
        }
        try (Strata strata = Strata.open(data.directory(), image.limits())) {
            String name = image.image;
            if (strata.index().findImage(name).isEmpty()) {
                name = strata.scan(name, image.platform()).image().digest();
            }
            EfficiencyService.Report report = new EfficiencyService(strata.index()).efficiency(name, limit);
            output.print(report, EfficiencyView::table, spec.commandLine().getOut());
            return gate(report);
        }
    }

    private int gate(EfficiencyService.Report report) {
        long wasted = report.efficiency().wastedBytes();
        double score = report.efficiency().efficiency();
        String failure = null;
        if (maxWastedBytes != null && wasted > maxWastedBytes) {
            failure = "wasted bytes " + wasted + " exceed --max-wasted-bytes " + maxWastedBytes;
        } else if (minEfficiency != null && score < minEfficiency) {
            failure = String.format(Locale.ROOT, "efficiency %.4f is below --min-efficiency %s", score, minEfficiency);
        }
        if (failure == null) {
            return ExitCodes.OK;
        }
        spec.commandLine().getErr().println("strata: gate failed: " + failure);
        return ExitCodes.GATE_FAILED;
    }
}
