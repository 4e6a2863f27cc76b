package dev.strata.cli;

import dev.strata.app.EfficiencyService;
import dev.strata.scanner.efficiency.ImageEfficiency;

import java.util.Locale;
import java.util.stream.Collectors;

/** Renders an efficiency report for the terminal. */
final class EfficiencyView {
    private EfficiencyView() {
    }

    static String table(EfficiencyService.Report report) {
        ImageEfficiency e = report.efficiency();
        StringBuilder out = new StringBuilder();
        out.append("Image:       ").append(report.image().name()).append(" (")
                .append(ScanCommand.shortDigest(report.image().digest())).append(")\n");
        out.append("Base:        ").append(report.base() == null ? "none found in the index" : report.base().describe())
                .append('\n');
        if (report.declaredBase() != null) {
            out.append("Declared:    ").append(report.declaredBase().describe()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "Efficiency:  %.2f%% (%s in the final filesystem of %s in all layers)%n",
                e.efficiency() * 100, Sizes.human(e.finalFileBytes()), Sizes.human(e.layerFileBytes())));
        out.append("Wasted:      ").append(Sizes.human(e.wastedBytes())).append(" (").append(Sizes.human(e.removedBytes()))
                .append(" overwritten or deleted, ").append(Sizes.human(e.crossLayerDuplicateBytes()))
                .append(" repeated in several layers)\n");
        out.append("Duplicates:  ").append(e.duplicateCount()).append(" contents at several paths, ")
                .append(Sizes.human(e.duplicateBytes())).append(" extra\n\n");

        TextTable layers = new TextTable("#", "DIFF ID", "SIZE", "FILES", "ADDED", "MODIFIED", "DELETED", "WHITEOUTS",
                "WASTED");
        for (ImageEfficiency.LayerEfficiency l : e.layers()) {
            layers.row(l.index(), ScanCommand.shortDigest(l.diffId()), Sizes.human(l.size()), Sizes.human(l.fileBytes()),
                    l.added(), l.modified(), l.deleted(),
                    l.whiteouts() + (l.opaqueDirectories() > 0 ? " +" + l.opaqueDirectories() + " opaque" : ""),
                    Sizes.human(l.wastedBytes()));
        }
        out.append(layers.render());
        if (!e.topWasted().isEmpty()) {
            out.append("\nTop wasted paths (").append(e.topWasted().size()).append(" of ").append(e.wastedPathCount())
                    .append(")\n");
            TextTable wasted = new TextTable("SIZE", "PATH", "ADDED IN", "REMOVED IN", "HOW");
            for (ImageEfficiency.WastedPath w : e.topWasted()) {
                wasted.row(Sizes.human(w.size()), w.path(), "layer " + w.addedBy(), "layer " + w.removedBy(), w.how());
            }
            out.append(wasted.render());
        }
        if (!e.duplicates().isEmpty()) {
            out.append("\nDuplicate content (").append(e.duplicates().size()).append(" of ").append(e.duplicateCount())
                    .append(")\n");
            TextTable dups = new TextTable("EXTRA", "SIZE", "COPIES", "SHA256", "PATHS (LAYER)");
            for (ImageEfficiency.DuplicateContent d : e.duplicates()) {
                dups.row(Sizes.human(d.duplicateBytes()), Sizes.human(d.size()), d.copies(),
                        ScanCommand.shortDigest(d.sha256()),
                        d.paths().stream().map(p -> p.path() + " (" + p.layer() + ")").collect(Collectors.joining(", ")));
            }
            out.append(dups.render());
        }
        return out.toString();
    }
}
