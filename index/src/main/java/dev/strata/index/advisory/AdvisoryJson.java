package dev.strata.index.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.vuln.feeds.DebianStatus;
import dev.strata.scanner.vuln.osv.OsvAffected;
import dev.strata.scanner.vuln.osv.OsvFormatException;
import dev.strata.scanner.vuln.osv.OsvParser;
import dev.strata.scanner.vuln.osv.OsvRange;
import dev.strata.scanner.vuln.osv.OsvRecord;
import dev.strata.scanner.vuln.osv.OsvSeverity;
import dev.strata.scanner.vuln.osv.RangeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The compact JSON stored per document, and the OSV JSON of one {@code affected} entry. */
final class AdvisoryJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OsvParser OSV = new OsvParser();

    private AdvisoryJson() {
    }

    static String encode(StoredAdvisory advisory) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", advisory.source());
        o.put("id", advisory.id());
        o.put("ecosystem", advisory.ecosystem());
        o.put("name", advisory.name());
        if (advisory instanceof StoredAdvisory.Osv a) {
            strings(o.putArray("aliases"), a.aliases());
            o.put("summary", a.summary());
            ArrayNode sev = o.putArray("severity");
            a.severity().forEach(s -> sev.addObject().put("type", s.type()).put("score", s.score()));
            o.put("published", a.published() == null ? null : a.published().toString());
            o.put("modified", a.modified().toString());
            raw(o, "affected", a.affectedJson());
        } else if (advisory instanceof StoredAdvisory.Debian d) {
            o.put("release", d.release());
            o.put("status", d.status().name());
            o.put("fixed", d.fixedVersion());
            o.put("urgency", d.urgency());
            o.put("nodsa", d.noDsa());
            o.put("nodsaReason", d.noDsaReason());
        } else if (advisory instanceof StoredAdvisory.Alpine a) {
            o.put("fixed", a.fixedVersion());
        }
        return o.toString();
    }

    static StoredAdvisory decode(String json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored advisory: " + e.getOriginalMessage(), e);
        }
        String source = o.path("source").asText();
        return switch (source) {
            case StoredAdvisory.Osv.SOURCE -> {
                List<OsvSeverity> severity = new ArrayList<>();
                o.path("severity").forEach(s -> severity.add(new OsvSeverity(s.get("type").asText(), s.get("score").asText())));
                String published = text(o, "published");
                yield new StoredAdvisory.Osv(o.get("id").asText(), strings(o.path("aliases")), text(o, "summary"), severity,
                        published == null ? null : Instant.parse(published), Instant.parse(o.get("modified").asText()),
                        o.get("ecosystem").asText(), o.get("name").asText(), o.get("affected").toString());
            }
            case StoredAdvisory.Debian.SOURCE -> new StoredAdvisory.Debian(o.get("ecosystem").asText(),
                    o.get("name").asText(), o.get("id").asText(), o.get("release").asText(),
                    DebianStatus.valueOf(o.get("status").asText()), text(o, "fixed"), text(o, "urgency"),
                    text(o, "nodsa"), text(o, "nodsaReason"));
            case StoredAdvisory.Alpine.SOURCE -> new StoredAdvisory.Alpine(o.get("ecosystem").asText(),
                    o.get("name").asText(), o.get("id").asText(), text(o, "fixed"));
            default -> throw new IllegalStateException("stored advisory of unknown source '" + source + "'");
        };
    }

    /** The OSV JSON of {@code affected}, in the schema's field names, so {@link OsvParser} reads it back unchanged. */
    static String affectedJson(OsvAffected affected) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode pkg = o.putObject("package");
        pkg.put("ecosystem", affected.pkg().ecosystem()).put("name", affected.pkg().name());
        if (affected.pkg().purl() != null) {
            pkg.put("purl", affected.pkg().purl());
        }
        if (!affected.severity().isEmpty()) {
            ArrayNode sev = o.putArray("severity");
            affected.severity().forEach(s -> sev.addObject().put("type", s.type()).put("score", s.score()));
        }
        ArrayNode ranges = o.putArray("ranges");
        for (OsvRange range : affected.ranges()) {
            ObjectNode r = ranges.addObject().put("type", range.type().name());
            if (range.repo() != null) {
                r.put("repo", range.repo());
            }
            ArrayNode events = r.putArray("events");
            for (RangeEvent event : range.events()) {
                String key = event instanceof RangeEvent.Introduced ? "introduced"
                        : event instanceof RangeEvent.Fixed ? "fixed"
                        : event instanceof RangeEvent.LastAffected ? "last_affected" : "limit";
                events.addObject().put(key, event.version());
            }
        }
        strings(o.putArray("versions"), affected.versions());
        raw(o, "ecosystem_specific", affected.ecosystemSpecific());
        raw(o, "database_specific", affected.databaseSpecific());
        return o.toString();
    }

    static OsvAffected parseAffected(StoredAdvisory.Osv advisory) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("id", advisory.id());
        record.put("modified", advisory.modified().toString());
        try {
            record.putArray("affected").add(MAPPER.readTree(advisory.affectedJson()));
            OsvRecord parsed = OSV.parse(record.toString().getBytes(StandardCharsets.UTF_8), "stored " + advisory.id());
            return parsed.affected().get(0);
        } catch (OsvFormatException | JsonProcessingException e) {
            throw new IllegalStateException("stored affected entry of " + advisory.id() + " does not parse: " + e.getMessage(), e);
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

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
