package dev.strata.scanner.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads VEX statements from an OpenVEX document ({@code @context} under {@code https://openvex.dev/ns}; statement
 * {@code vulnerability} as a name or a {@code {name, aliases}} object, {@code products} as purls or
 * {@code {@id, identifiers.purl, subcomponents}} objects) or a CycloneDX document with {@code vulnerabilities[]}
 * ({@code analysis.state}, {@code justification}, {@code detail}; {@code affects[].ref} resolved to the purl of the
 * component with that {@code bom-ref}, or taken from a BOM-Link fragment or a bare purl).
 */
public final class VexParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VexParser() {
    }

    /** Parses {@code content}; {@code source} names the document. {@code firstOrder} numbers its statements. */
    public static List<VexStatement> parse(String content, String source, int firstOrder) {
        JsonNode doc;
        try {
            doc = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new VexFormatException(source, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (doc == null || !doc.isObject()) {
            throw new VexFormatException(source, "not a VEX document (expected a JSON object)");
        }
        if (doc.path("@context").asText("").startsWith("https://openvex.dev/ns")) {
            return openVex(doc, source, firstOrder);
        }
        if ("CycloneDX".equals(doc.path("bomFormat").asText(null))) {
            return cycloneDx(doc, source, firstOrder);
        }
        throw new VexFormatException(source, "neither an OpenVEX document (@context https://openvex.dev/ns) "
                + "nor a CycloneDX document (bomFormat CycloneDX)");
    }

    private static List<VexStatement> openVex(JsonNode doc, String source, int order) {
        Instant docTime = time(doc.path("timestamp"), source);
        List<VexStatement> out = new ArrayList<>();
        int index = 0;
        for (JsonNode s : doc.path("statements")) {
            index++;
            JsonNode v = s.path("vulnerability");
            String name = v.isTextual() ? v.asText() : v.path("name").asText(null);
            if (name == null || name.isBlank()) {
                throw new VexFormatException(source, "statement " + index + " has no vulnerability name");
            }
            List<String> aliases = new ArrayList<>();
            v.path("aliases").forEach(a -> aliases.add(a.asText()));
            String statusText = s.path("status").asText("");
            VexStatus status;
            try {
                status = VexStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new VexFormatException(source, "statement " + index + " (" + name + ") has unknown status '"
                        + statusText + "'", e);
            }
            List<String> products = new ArrayList<>();
            List<String> subcomponents = new ArrayList<>();
            for (JsonNode p : s.path("products")) {
                addComponent(p, products);
                p.path("subcomponents").forEach(c -> addComponent(c, subcomponents));
            }
            s.path("subcomponents").forEach(c -> addComponent(c, subcomponents));
            Instant when = s.has("timestamp") ? time(s.path("timestamp"), source) : docTime;
            out.add(new VexStatement(name, aliases, products, subcomponents, status,
                    s.path("justification").asText(null), s.path("impact_statement").asText(null), when, source,
                    order++));
        }
        return out;
    }

    /** A product or subcomponent: a purl string, or an object with a purl {@code @id} or {@code identifiers.purl}. */
    private static void addComponent(JsonNode c, List<String> into) {
        if (c.isTextual()) {
            addIfPurl(c.asText(), into);
            return;
        }
        addIfPurl(c.path("@id").asText(null), into);
        addIfPurl(c.path("identifiers").path("purl").asText(null), into);
    }

    private static void addIfPurl(String value, List<String> into) {
        if (value != null && value.startsWith("pkg:") && !into.contains(value)) {
            into.add(value);
        }
    }

    private static List<VexStatement> cycloneDx(JsonNode doc, String source, int order) {
        Map<String, String> purlByRef = new HashMap<>();
        collectRefs(doc.path("metadata").path("component"), purlByRef);
        doc.path("components").forEach(c -> collectRefs(c, purlByRef));
        Instant docTime = time(doc.path("metadata").path("timestamp"), source);
        List<VexStatement> out = new ArrayList<>();
        for (JsonNode v : doc.path("vulnerabilities")) {
            String id = v.path("id").asText(null);
            JsonNode analysis = v.path("analysis");
            if (id == null || !analysis.has("state")) {
                continue;
            }
            String state = analysis.path("state").asText();
            VexStatus status = switch (state) {
                case "not_affected", "false_positive" -> VexStatus.NOT_AFFECTED;
                case "resolved", "resolved_with_pedigree" -> VexStatus.FIXED;
                case "exploitable" -> VexStatus.AFFECTED;
                case "in_triage" -> VexStatus.UNDER_INVESTIGATION;
                default -> throw new VexFormatException(source, id + " has unknown analysis state '" + state + "'");
            };
            List<String> aliases = new ArrayList<>();
            v.path("references").forEach(r -> {
                if (r.hasNonNull("id")) {
                    aliases.add(r.path("id").asText());
                }
            });
            List<String> products = new ArrayList<>();
            for (JsonNode a : v.path("affects")) {
                String purl = resolve(a.path("ref").asText(""), purlByRef);
                if (purl != null && !products.contains(purl)) {
                    products.add(purl);
                }
            }
            String justification = analysis.path("justification").asText(null);
            if (state.equals("false_positive") && justification == null) {
                justification = "false_positive";
            }
            Instant when = analysis.has("lastUpdated") ? time(analysis.path("lastUpdated"), source)
                    : analysis.has("firstIssued") ? time(analysis.path("firstIssued"), source) : docTime;
            out.add(new VexStatement(id, aliases, products, List.of(), status, justification,
                    analysis.path("detail").asText(null), when, source, order++));
        }
        return out;
    }

    private static void collectRefs(JsonNode component, Map<String, String> into) {
        if (component.isMissingNode()) {
            return;
        }
        String ref = component.path("bom-ref").asText(null);
        String purl = component.path("purl").asText(null);
        if (ref != null && purl != null) {
            into.put(ref, purl);
        }
        component.path("components").forEach(c -> collectRefs(c, into));
    }

    /** A bom-ref of this document, a BOM-Link {@code urn:cdx:SERIAL/VERSION#REF}, or a purl. */
    private static String resolve(String ref, Map<String, String> purlByRef) {
        if (purlByRef.containsKey(ref)) {
            return purlByRef.get(ref);
        }
        String local = ref;
        if (ref.startsWith("urn:cdx:") && ref.contains("#")) {
            local = URLDecoder.decode(ref.substring(ref.indexOf('#') + 1), StandardCharsets.UTF_8);
            if (purlByRef.containsKey(local)) {
                return purlByRef.get(local);
            }
        }
        return local.startsWith("pkg:") ? local : null;
    }

    private static Instant time(JsonNode node, String source) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new VexFormatException(source, "invalid timestamp '" + node.asText() + "'", e);
        }
    }
}
