package dev.strata.index.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.vuln.feeds.AlpineFix;
import dev.strata.scanner.vuln.feeds.DebianAdvisory;
import dev.strata.scanner.vuln.feeds.DebianStatus;
import dev.strata.scanner.vuln.match.Advisory;
import dev.strata.scanner.vuln.osv.OsvFormatException;
import dev.strata.scanner.vuln.osv.OsvParser;
import dev.strata.scanner.vuln.osv.OsvWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored JSON of one advisory document: OSV records as OSV JSON (reduced to one package's {@code affected}
 * entries, see {@link AdvisoryFields}), Debian and Alpine entries as a flat object of their fields.
 */
final class AdvisoryJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OsvParser OSV = new OsvParser();

    private AdvisoryJson() {
    }

    static String encode(Advisory advisory) {
        if (advisory instanceof Advisory.OsvAdvisory o) {
            return OsvWriter.toJson(o.record());
        }
        ObjectNode o = MAPPER.createObjectNode();
        if (advisory instanceof Advisory.DebianAdvisoryRecord r) {
            DebianAdvisory d = r.advisory();
            o.put("package", d.sourcePackage()).put("id", d.id()).put("cve", d.cve())
                    .put("description", d.description()).put("scope", d.scope()).put("bug", d.debianBug())
                    .put("release", d.release()).put("status", d.status().name()).put("fixed", d.fixedVersion())
                    .put("urgency", d.urgency()).put("nodsa", d.noDsa()).put("nodsaReason", d.noDsaReason())
                    .put("nextPointUpdate", d.nextPointUpdate());
            ObjectNode repos = o.putObject("repositories");
            new TreeMap<>(d.repositories()).forEach(repos::put);
        } else if (advisory instanceof Advisory.AlpineAdvisoryRecord r) {
            AlpineFix f = r.fix();
            o.put("distroversion", f.distroVersion()).put("reponame", f.repoName()).put("origin", f.origin())
                    .put("fixed", f.fixedVersion()).put("id", f.id());
        }
        return o.toString();
    }

    static Advisory decode(String source, String json) {
        try {
            return switch (source) {
                case AdvisoryFields.OSV -> new Advisory.OsvAdvisory(
                        OSV.parse(json.getBytes(StandardCharsets.UTF_8), "stored advisory"));
                case AdvisoryFields.DEBIAN -> {
                    JsonNode o = MAPPER.readTree(json);
                    Map<String, String> repos = new TreeMap<>();
                    o.path("repositories").fields().forEachRemaining(e -> repos.put(e.getKey(), e.getValue().asText()));
                    JsonNode bug = o.get("bug");
                    yield new Advisory.DebianAdvisoryRecord(new DebianAdvisory(o.get("package").asText(),
                            o.get("id").asText(), o.path("cve").asBoolean(), text(o, "description"), text(o, "scope"),
                            bug == null || bug.isNull() ? null : bug.asLong(), o.get("release").asText(),
                            DebianStatus.valueOf(o.get("status").asText()), text(o, "fixed"), text(o, "urgency"),
                            text(o, "nodsa"), text(o, "nodsaReason"), o.path("nextPointUpdate").asBoolean(), repos));
                }
                case AdvisoryFields.ALPINE -> {
                    JsonNode o = MAPPER.readTree(json);
                    yield new Advisory.AlpineAdvisoryRecord(new AlpineFix(o.get("distroversion").asText(),
                            text(o, "reponame"), o.get("origin").asText(), text(o, "fixed"), o.get("id").asText()));
                }
                default -> throw new IllegalStateException("stored advisory of unknown source '" + source + "'");
            };
        } catch (JsonProcessingException | OsvFormatException e) {
            throw new IllegalStateException("corrupt stored advisory: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
