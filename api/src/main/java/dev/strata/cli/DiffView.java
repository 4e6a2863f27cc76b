package dev.strata.cli;

import dev.strata.app.ImageDiffService;
import dev.strata.index.dedup.PackageDiff;
import dev.strata.scanner.efficiency.FilesystemDiff;

import java.util.List;

/** Renders an image diff for the terminal. */
final class DiffView {
    private DiffView() {
    }

    static String table(ImageDiffService.Report r) {
        StringBuilder out = new StringBuilder();
        out.append("From: ").append(r.from().name()).append(" (").append(ScanCommand.shortDigest(r.from().digest()))
                .append(")\nTo:   ").append(r.to().name()).append(" (").append(ScanCommand.shortDigest(r.to().digest()))
                .append(")\n\n");
        ImageDiffService.Layers l = r.layers();
        out.append("Layers: ").append(l.sharedPrefix()).append(" lowest shared, ").append(l.shared().size())
                .append(" in both, ").append(l.onlyFrom().size()).append(" only in A, ").append(l.onlyTo().size())
                .append(" only in B\n");
        FilesystemDiff.Result f = r.files();
        out.append("Files:  ").append(f.added()).append(" added (").append(Sizes.human(f.addedBytes())).append("), ")
                .append(f.removed()).append(" removed (").append(Sizes.human(f.removedBytes())).append("), ")
                .append(f.changed()).append(" changed (").append(Sizes.human(f.changedBytes())).append(")\n");
        TextTable files = new TextTable("", "PATH", "SIZE");
        addPaths(files, "+", f.addedPaths(), true);
        addPaths(files, "-", f.removedPaths(), false);
        addPaths(files, "~", f.changedPaths(), true);
        if (!f.addedPaths().isEmpty() || !f.removedPaths().isEmpty() || !f.changedPaths().isEmpty()) {
            out.append(files.render());
        }
        PackageDiff.Result p = r.packages();
        out.append("\nPackages: ").append(p.added().size()).append(" added, ").append(p.removed().size())
                .append(" removed, ").append(p.upgraded().size()).append(" upgraded, ").append(p.downgraded().size())
                .append(" downgraded, ").append(p.changed().size()).append(" changed\n");
        TextTable packages = new TextTable("", "TYPE", "NAME", "FROM", "TO");
        addPackages(packages, "+", p.added());
        addPackages(packages, "-", p.removed());
        addPackages(packages, "↑", p.upgraded());
        addPackages(packages, "↓", p.downgraded());
        addPackages(packages, "~", p.changed());
        if (p.added().size() + p.removed().size() + p.upgraded().size() + p.downgraded().size() + p.changed().size() > 0) {
            out.append(packages.render());
        }
        if (r.vulnerabilities() == null) {
            out.append("\nVulnerabilities: not compared (no vulnerability database; run strata db import)\n");
        } else {
            out.append("\nVulnerabilities: ").append(r.vulnerabilities().fixed().size()).append(" fixed, ")
                    .append(r.vulnerabilities().introduced().size()).append(" introduced\n");
            TextTable vulns = new TextTable("", "ID", "SEVERITY", "PACKAGE", "VERSION", "FIXED IN");
            r.vulnerabilities().fixed().forEach(v -> vulnRow(vulns, "fixed", v));
            r.vulnerabilities().introduced().forEach(v -> vulnRow(vulns, "new", v));
            if (!r.vulnerabilities().fixed().isEmpty() || !r.vulnerabilities().introduced().isEmpty()) {
                out.append(vulns.render());
            }
        }
        return out.toString();
    }

    private static void addPaths(TextTable table, String mark, List<FilesystemDiff.Change> changes, boolean after) {
        for (FilesystemDiff.Change c : changes) {
            Long size = after ? c.toSize() : c.fromSize();
            String type = after ? c.toType() : c.fromType();
            table.row(mark, c.path(), size != null ? Sizes.human(size) : type);
        }
    }

    private static void vulnRow(TextTable table, String mark, ImageDiffService.VulnerabilityChange v) {
        table.row(mark, v.id(), v.severity(), v.packageName(), v.installedVersion(),
                v.fixedVersion() == null ? "" : v.fixedVersion());
    }

    private static void addPackages(TextTable table, String mark, List<PackageDiff.Change> changes) {
        for (PackageDiff.Change c : changes) {
            table.row(mark, c.type(), c.name(), c.from() == null ? "" : c.from(), c.to() == null ? "" : c.to());
        }
    }
}
