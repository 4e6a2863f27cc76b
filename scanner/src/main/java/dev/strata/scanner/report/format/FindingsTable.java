package dev.strata.scanner.report.format;

import dev.strata.scanner.gate.AssessedFinding;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.gate.IgnoreRule;
import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders the gate's findings as text: one block per severity (most severe first, empty ones left out) with
 * aligned columns shared by all blocks, then the suppressed findings and why, the expired ignore entries, and a
 * totals line. With {@code colour}, severity headings carry ANSI colours (the caller decides: a terminal and no
 * {@code NO_COLOR}); the text is otherwise identical.
 */
public final class FindingsTable {

    private static final int TITLE_WIDTH = 60;
    private static final String RESET = "\u001b[0m";
    private static final String[] HEADER = {"ID", "PACKAGE", "INSTALLED", "FIXED", "STATUS", "TITLE"};

    /** The table as text ending in a newline: {@link #sections} and a totals line. */
    public String render(GateResult gate, boolean colour) {
        long suppressed = gate.findings().stream().filter(AssessedFinding::suppressed).count();
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        gate.remaining().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringJoiner bySeverity = new StringJoiner(", ");
        counts.forEach((s, n) -> bySeverity.add(s.name() + " " + n));
        StringBuilder out = new StringBuilder(sections(gate, colour));
        out.append("Total: ").append(total).append(total == 1 ? " vulnerability" : " vulnerabilities")
                .append(" (").append(bySeverity).append(')');
        if (suppressed > 0) {
            out.append(", ").append(suppressed).append(" suppressed");
        }
        return out.append('\n').toString();
    }

    /**
     * The severity blocks, the suppressed findings and the expired ignore entries, each block followed by a blank
     * line; empty when there is nothing to show.
     */
    public String sections(GateResult gate, boolean colour) {
        Map<Severity, List<String[]>> groups = new EnumMap<>(Severity.class);
        List<String[]> suppressed = new ArrayList<>();
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        for (AssessedFinding a : gate.findings()) {
            Finding f = a.finding();
            if (a.suppressed()) {
                suppressed.add(new String[]{f.id(), f.packageName(), f.installedVersion(),
                        a.suppressedBy().source(), a.suppressedBy().reason()});
                continue;
            }
            String[] row = {f.id(), f.packageName(), f.installedVersion(),
                    f.fixedVersion() == null ? "" : f.fixedVersion(),
                    f.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    shorten(f.title() != null ? f.title() : String.join(", ", f.aliases()))};
            groups.computeIfAbsent(f.severity(), s -> new ArrayList<>()).add(row);
            all.add(row);
        }
        int[] widths = widths(all);
        StringBuilder out = new StringBuilder();
        for (Severity s : Severity.values()) {
            List<String[]> rows = groups.getOrDefault(s, List.of());
            if (rows.isEmpty()) {
                continue;
            }
            String heading = s.name() + " (" + rows.size() + ")";
            out.append(colour ? colourOf(s) + heading + RESET : heading).append('\n');
            line(out, HEADER, widths);
            rows.forEach(r -> line(out, r, widths));
            out.append('\n');
        }
        if (!suppressed.isEmpty()) {
            out.append("Suppressed (").append(suppressed.size()).append(")\n");
            String[] header = {"ID", "PACKAGE", "INSTALLED", "BY", "REASON"};
            List<String[]> rows = new ArrayList<>(suppressed);
            rows.add(0, header);
            int[] w = widths(rows);
            rows.forEach(r -> line(out, r, w));
            out.append('\n');
        }
        if (!gate.expiredIgnores().isEmpty()) {
            out.append("Expired ignore entries (").append(gate.expiredIgnores().size())
                    .append("): no longer suppress\n");
            for (IgnoreRule r : gate.expiredIgnores()) {
                out.append(r.location()).append("  ").append(r.id()).append("  expired ")
                        .append(r.expires()).append(": ").append(r.reason()).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i] == null ? 0 : row[i].length());
            }
        }
        return widths;
    }

    private static void line(StringBuilder out, String[] row, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            String cell = row[i] == null ? "" : row[i];
            text.append(cell);
            if (i < row.length - 1) {
                text.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    private static String shorten(String title) {
        if (title == null) {
            return "";
        }
        String flat = title.replaceAll("\\s+", " ").strip();
        return flat.length() > TITLE_WIDTH ? flat.substring(0, TITLE_WIDTH - 3) + "..." : flat;
    }

    private static String colourOf(Severity s) {
        return switch (s) {
            case CRITICAL -> "\u001b[1;31m";
            case HIGH -> "\u001b[31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[34m";
            case UNKNOWN -> "\u001b[2m";
        };
    }
}
