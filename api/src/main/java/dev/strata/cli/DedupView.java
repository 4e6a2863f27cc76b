package dev.strata.cli;

import dev.strata.app.DedupService;

import java.util.stream.Collectors;

/** Renders the fleet dedup report for the terminal. */
final class DedupView {
    private DedupView() {
    }

    static String table(DedupService.Report r) {
        StringBuilder out = new StringBuilder();
        DedupService.Totals t = r.totals();
        out.append("Images: ").append(t.images()).append("  layers: ").append(t.layers())
                .append("  logical: ").append(Sizes.human(t.logicalBytes()))
                .append("  unique: ").append(Sizes.human(t.uniqueBytes()))
                .append("  saved by sharing layers: ").append(Sizes.human(t.savedBytes())).append("\n\n");
        TextTable layers = new TextTable("DIFF ID", "SIZE", "USES", "SAVED", "IMAGES");
        for (DedupService.LayerUse l : r.layers()) {
            layers.row(ScanCommand.shortDigest(l.diffId()), Sizes.human(l.size()), l.uses(), Sizes.human(l.savedBytes()),
                    abbreviate(String.join(", ", l.images())));
        }
        out.append(layers.render());
        DedupService.FileTotals f = r.fileTotals();
        out.append("\nFile content in several layers: ").append(f.contents()).append(" contents, ")
                .append(f.copies()).append(" copies, ").append(Sizes.human(f.storedBytes())).append(" stored, ")
                .append(Sizes.human(f.savedBytes())).append(" a common base layer would save\n");
        if (!r.files().isEmpty()) {
            TextTable files = new TextTable("SAVED", "SIZE", "LAYERS", "SHA256", "PATHS", "IMAGES");
            for (DedupService.SharedFile s : r.files()) {
                files.row(Sizes.human(s.savedBytes()), Sizes.human(s.size()), s.layerCount(),
                        ScanCommand.shortDigest(s.sha256()),
                        abbreviate(s.occurrences().stream().map(o -> o.path()).distinct().collect(Collectors.joining(", "))),
                        abbreviate(String.join(", ", s.images())));
            }
            out.append(files.render());
        }
        out.append('\n');
        TextTable bases = new TextTable("IMAGE", "BASE", "DECLARED BASE");
        for (DedupService.ImageBase b : r.bases()) {
            bases.row(b.image().name(), b.base() == null ? "-" : b.base().describe(),
                    b.declaredBase() == null ? "-" : b.declaredBase().describe());
        }
        out.append(bases.render());
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
