package dev.strata.cli;

import dev.strata.app.SearchHitJson;
import dev.strata.app.SearchQuery;
import dev.strata.app.Strata;
import dev.strata.index.FileHit;
import dev.strata.index.IndexedPackage;
import dev.strata.index.StrataIndex;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerLimits;
import dev.strata.scanner.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code strata search QUERY}: packages or files across every indexed image. */
@Command(name = "search", description = "Search packages (purl:, name:) or files (path:, sha256:) across all indexed images.")
final class SearchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "QUERY",
            description = "purl:PURL[*] | name:NAME | path:PATH[*] | sha256:HEX (see docs/cli.md).")
    String query;
    @Option(names = "--limit", defaultValue = "100", description = "Most results to print (default: ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--offset", defaultValue = "0", description = "Results to skip, for paging (default: ${DEFAULT-VALUE}).")
    int offset;
    @Mixin
    DataOptions data;
    @Mixin
    OutputOptions output;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SearchQuery q = SearchQuery.parse(query);
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("--limit must be at least 1 and --offset not negative");
        }
        try (Strata strata = Strata.open(data.directory(), LayerLimits.defaults())) {
            StrataIndex index = strata.index();
            String text = switch (q.field()) {
                case PURL, NAME -> packages(index, q.field() == SearchQuery.Field.PURL
                        ? index.packagesByPurl(q.value(), offset, limit)
                        : index.packagesByName(q.value(), offset, limit));
                case PATH, SHA256 -> files(index, switch (q.field()) {
                    case PATH -> q.isPrefix() ? index.filesByPathPrefix(q.stem(), offset, limit)
                            : index.filesByPath(q.value(), offset, limit);
                    default -> index.filesBySha256(Digest.parse(q.value()), offset, limit);
                });
            };
            output.write(text, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    private String packages(StrataIndex index, List<IndexedPackage> hits) {
        Map<Digest, String> names = new HashMap<>();
        if (output.format == OutputOptions.Format.json) {
            return ReportJson.write(hits.stream()
                    .map(p -> SearchHitJson.packageHit(p, null, imageName(index, p.image(), names))).toList()) + "\n";
        }
        TextTable table = new TextTable("IMAGE", "PURL", "PATH", "LAYER");
        for (IndexedPackage p : hits) {
            table.row(imageName(index, p.image(), names), p.purl(), String.join(", ", p.paths()),
                    p.layerDiffId() == null ? "" : ScanCommand.shortDigest(p.layerDiffId()));
        }
        return table.render();
    }

    private String files(StrataIndex index, List<FileHit> hits) {
        Map<Digest, List<String>> imagesByLayer = new HashMap<>();
        Map<Digest, String> names = new HashMap<>();
        for (FileHit hit : hits) {
            imagesByLayer.computeIfAbsent(hit.diffId(), d -> index.imagesWithLayer(d).stream()
                    .map(i -> imageName(index, i.manifestDigest(), names)).toList());
        }
        if (output.format == OutputOptions.Format.json) {
            return ReportJson.write(hits.stream()
                    .map(h -> SearchHitJson.fileHit(h, null, imagesByLayer.get(h.diffId()))).toList()) + "\n";
        }
        TextTable table = new TextTable("PATH", "SIZE", "SHA256", "LAYER", "IMAGES");
        for (FileHit h : hits) {
            table.row(h.entry().path(), Sizes.human(h.entry().size()),
                    h.entry().sha256() == null ? "" : h.entry().sha256().shortHex(),
                    h.diffId().shortHex(), String.join(", ", imagesByLayer.get(h.diffId())));
        }
        return table.render();
    }

    private static String imageName(StrataIndex index, Digest image, Map<Digest, String> cache) {
        return cache.computeIfAbsent(image, d -> index.image(d)
                .map(i -> i.repoTags().isEmpty() ? i.manifestDigest().shortHex() : i.repoTags().get(0))
                .orElse(d.shortHex()));
    }
}
