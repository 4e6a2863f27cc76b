package dev.strata.cli;

import dev.strata.app.Strata;
import dev.strata.scanner.layer.LayerLimits;
import dev.strata.index.IndexedImage;
import dev.strata.scanner.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code strata images}: the images in the index. */
@Command(name = "images", description = "List the images in the index.")
final class ImagesCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Mixin
    OutputOptions output;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Strata strata = Strata.open(data.directory(), LayerLimits.defaults())) {
            List<IndexedImage> images = strata.index().images();
            String text;
            if (output.format == OutputOptions.Format.json) {
                text = ReportJson.write(images.stream().map(ImagesCommand::json).toList()) + "\n";
            } else {
                TextTable table = new TextTable("IMAGE ID", "DIGEST", "TAGS", "PLATFORM", "LAYERS", "INDEXED", "REFERENCE");
                for (IndexedImage i : images) {
                    table.row(i.configDigest().shortHex(), ScanCommand.shortDigest(i.manifestDigest().toString()),
                            String.join(",", i.repoTags()), i.platform(), i.diffIds().size(),
                            Instant.ofEpochMilli(i.indexedAtMillis()).toString(), i.reference());
                }
                text = table.render();
            }
            output.write(text, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    private static Map<String, Object> json(IndexedImage i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("digest", i.manifestDigest().toString());
        m.put("configDigest", i.configDigest().toString());
        m.put("reference", i.reference());
        m.put("repoTags", i.repoTags());
        m.put("platform", i.platform());
        m.put("diffIds", i.diffIds().stream().map(Object::toString).toList());
        m.put("indexedAt", Instant.ofEpochMilli(i.indexedAtMillis()).toString());
        return m;
    }
}
