package dev.strata.app.vulndb;

import dev.strata.index.advisory.DatabaseStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The vulnerability database's status as {@code strata db status --format json} and {@code GET /api/v1/db} show it. */
public final class DatabaseStatusView {
    private DatabaseStatusView() {
    }

    /** {@code generation}, {@code builtAt}, and per source its last update, files and record counts. */
    public static Map<String, Object> of(DatabaseStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", status.generation());
        m.put("builtAt", status.builtAt().toString());
        m.put("sources", status.sources().stream().map(s -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("source", s.source());
            o.put("lastUpdate", s.importedAt().toString());
            o.put("files", s.files());
            o.put("recordsByEcosystem", new TreeMap<>(s.documentsByEcosystem()));
            o.put("records", s.documents());
            o.put("withdrawn", s.withdrawn());
            o.put("malformed", s.malformed());
            o.put("malformedNames", s.malformedNames());
            return o;
        }).toList());
        return m;
    }
}
