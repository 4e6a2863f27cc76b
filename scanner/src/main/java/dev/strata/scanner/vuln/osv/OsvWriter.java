package dev.strata.scanner.vuln.osv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes an {@link OsvRecord} back as OSV JSON (schema field names), so {@link OsvParser} reads it back equal. */
public final class OsvWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OsvWriter() {
    }

    /** The OSV JSON of {@code record}; absent optional fields are left out. */
    public static String toJson(OsvRecord record) {
        ObjectNode o = MAPPER.createObjectNode();
        text(o, "schema_version", record.schemaVersion());
        o.put("id", record.id());
        o.put("modified", record.modified().toString());
        text(o, "published", record.published() == null ? null : record.published().toString());
        text(o, "withdrawn", record.withdrawn() == null ? null : record.withdrawn().toString());
        strings(o, "aliases", record.aliases());
        strings(o, "upstream", record.upstream());
        strings(o, "related", record.related());
        text(o, "summary", record.summary());
        text(o, "details", record.details());
        severities(o, record.severity());
        if (!record.affected().isEmpty()) {
            ArrayNode affected = o.putArray("affected");
            record.affected().forEach(a -> affected.add(affected(a)));
        }
        if (!record.references().isEmpty()) {
            ArrayNode refs = o.putArray("references");
            record.references().forEach(r -> refs.addObject().put("type", r.type()).put("url", r.url()));
        }
        raw(o, "database_specific", record.databaseSpecific());
        return o.toString();
    }

    private static ObjectNode affected(OsvAffected affected) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode pkg = o.putObject("package");
        pkg.put("ecosystem", affected.pkg().ecosystem()).put("name", affected.pkg().name());
        text(pkg, "purl", affected.pkg().purl());
        severities(o, affected.severity());
        if (!affected.ranges().isEmpty()) {
            ArrayNode ranges = o.putArray("ranges");
            for (OsvRange range : affected.ranges()) {
                ObjectNode r = ranges.addObject().put("type", range.type().name());
                text(r, "repo", range.repo());
                ArrayNode events = r.putArray("events");
                for (RangeEvent event : range.events()) {
                    String key = event instanceof RangeEvent.Introduced ? "introduced"
                            : event instanceof RangeEvent.Fixed ? "fixed"
                            : event instanceof RangeEvent.LastAffected ? "last_affected" : "limit";
                    events.addObject().put(key, event.version());
                }
            }
        }
        strings(o, "versions", affected.versions());
        raw(o, "ecosystem_specific", affected.ecosystemSpecific());
        raw(o, "database_specific", affected.databaseSpecific());
        return o;
    }

    private static void severities(ObjectNode o, List<OsvSeverity> severities) {
        if (!severities.isEmpty()) {
            ArrayNode sev = o.putArray("severity");
            severities.forEach(s -> sev.addObject().put("type", s.type()).put("score", s.score()));
        }
    }

    private static void text(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void strings(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = o.putArray(field);
            values.forEach(array::add);
        }
    }

    private static void raw(ObjectNode o, String field, String json) {
        if (json == null) {
            return;
        }
        try {
            o.set(field, MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(field + " is not JSON", e);
        }
    }
}
