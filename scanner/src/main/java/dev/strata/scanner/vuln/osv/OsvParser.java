package dev.strata.scanner.vuln.osv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one OSV JSON record (schema 1.x) into an {@link OsvRecord}, checking the parts Strata relies on: {@code id} and
 * {@code modified} present, RFC 3339 times, known range types, a {@code repo} on GIT ranges, non-empty events with
 * exactly one known key each, and the JSON types of every modelled field. Unknown fields are ignored, as the schema
 * allows. Thread-safe.
 */
public final class OsvParser {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Parses a record read from {@code source} (a file or zip entry name used in error messages; may be null). */
    public OsvRecord parse(byte[] json, String source) throws OsvFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new OsvFormatException(source, null, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new OsvFormatException(source, null, "not readable JSON: " + e.getMessage(), e);
        }
        return new Reader(source).record(root);
    }

    /** Parses a record from a stream (read to its end, not closed). */
    public OsvRecord parse(InputStream in, String source) throws IOException {
        return parse(in.readAllBytes(), source);
    }

    /** Maps one JSON tree, keeping the source and (once read) the record id for error messages. */
    private static final class Reader {
        private final String source;
        private String id;

        Reader(String source) {
            this.source = source;
        }

        OsvRecord record(JsonNode root) throws OsvFormatException {
            if (root == null || !root.isObject()) {
                throw fail("top level is " + kind(root) + ", expected an object");
            }
            String rawId = optText(root, "id", "id");
            if (rawId == null || rawId.isBlank()) {
                throw fail("missing id");
            }
            id = rawId;
            Instant modified = time(root, "modified");
            if (modified == null) {
                throw fail("missing modified");
            }
            return new OsvRecord(
                    optText(root, "schema_version", "schema_version"),
                    id,
                    modified,
                    time(root, "published"),
                    time(root, "withdrawn"),
                    strings(root, "aliases", "aliases"),
                    strings(root, "upstream", "upstream"),
                    strings(root, "related", "related"),
                    optText(root, "summary", "summary"),
                    optText(root, "details", "details"),
                    severities(root, ""),
                    objects(root, "affected", "affected", this::affected),
                    objects(root, "references", "references", (n, p) -> new OsvReference(
                            reqText(n, "type", p + ".type"), reqText(n, "url", p + ".url"))),
                    raw(root, "database_specific", "database_specific"));
        }

        private OsvAffected affected(JsonNode node, String path) throws OsvFormatException {
            JsonNode pkgNode = object(node, "package", path + ".package");
            if (pkgNode == null) {
                throw fail(path + ": missing package");
            }
            String p = path + ".package";
            OsvPackage pkg = new OsvPackage(
                    reqText(pkgNode, "ecosystem", p + ".ecosystem"),
                    reqText(pkgNode, "name", p + ".name"),
                    optText(pkgNode, "purl", p + ".purl"));
            return new OsvAffected(
                    pkg,
                    severities(node, path + "."),
                    objects(node, "ranges", path + ".ranges", this::range),
                    strings(node, "versions", path + ".versions"),
                    raw(node, "ecosystem_specific", path + ".ecosystem_specific"),
                    raw(node, "database_specific", path + ".database_specific"));
        }

        private OsvRange range(JsonNode node, String path) throws OsvFormatException {
            String typeText = reqText(node, "type", path + ".type");
            OsvRange.Type type;
            try {
                type = OsvRange.Type.valueOf(typeText);
            } catch (IllegalArgumentException e) {
                throw fail(path + ".type: unknown range type '" + typeText + "' (expected SEMVER, ECOSYSTEM or GIT)");
            }
            String repo = optText(node, "repo", path + ".repo");
            if (type == OsvRange.Type.GIT && (repo == null || repo.isBlank())) {
                throw fail(path + ": GIT range without repo");
            }
            List<RangeEvent> events = list(node, "events", path + ".events", this::event);
            if (events.isEmpty()) {
                throw fail(path + ": range without events");
            }
            return new OsvRange(type, repo, events);
        }

        private RangeEvent event(JsonNode node, String path) throws OsvFormatException {
            if (!node.isObject()) {
                throw fail(path + ": event is " + kind(node) + ", expected an object");
            }
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            if (keys.size() != 1) {
                throw fail(path + ": event must have exactly one key, has " + keys.size() + " " + keys);
            }
            String key = keys.get(0);
            String version = reqText(node, key, path + "." + key);
            if (version.isBlank()) {
                throw fail(path + "." + key + ": blank version");
            }
            return switch (key) {
                case "introduced" -> new RangeEvent.Introduced(version);
                case "fixed" -> new RangeEvent.Fixed(version);
                case "last_affected" -> new RangeEvent.LastAffected(version);
                case "limit" -> new RangeEvent.Limit(version);
                default -> throw fail(path + ": unknown event key '" + key
                        + "' (expected introduced, fixed, last_affected or limit)");
            };
        }

        private List<OsvSeverity> severities(JsonNode node, String prefix) throws OsvFormatException {
            return objects(node, "severity", prefix + "severity", (n, p) -> new OsvSeverity(
                    reqText(n, "type", p + ".type"), reqText(n, "score", p + ".score")));
        }

        private Instant time(JsonNode node, String field) throws OsvFormatException {
            String text = optText(node, field, field);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw fail(field + ": not an RFC 3339 time: '" + text + "'");
            }
        }

        private List<String> strings(JsonNode node, String field, String path) throws OsvFormatException {
            return list(node, field, path, (n, p) -> {
                if (!n.isTextual()) {
                    throw fail(p + " is " + kind(n) + ", expected a string");
                }
                return n.textValue();
            });
        }

        private <T> List<T> list(JsonNode node, String field, String path, Element<T> element)
                throws OsvFormatException {
            JsonNode array = node.get(field);
            if (array == null || array.isNull()) {
                return List.of();
            }
            if (!array.isArray()) {
                throw fail(path + " is " + kind(array) + ", expected an array");
            }
            List<T> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                String itemPath = path + "[" + i + "]";
                out.add(element.read(item, itemPath));
            }
            return out;
        }

        private <T> List<T> objects(JsonNode node, String field, String path, Element<T> element)
                throws OsvFormatException {
            return list(node, field, path, (n, p) -> {
                if (!n.isObject()) {
                    throw fail(p + " is " + kind(n) + ", expected an object");
                }
                return element.read(n, p);
            });
        }

        private JsonNode object(JsonNode node, String field, String path) throws OsvFormatException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                throw fail(path + " is " + kind(value) + ", expected an object");
            }
            return value;
        }

        private String raw(JsonNode node, String field, String path) throws OsvFormatException {
            JsonNode value = object(node, field, path);
            return value == null ? null : value.toString();
        }

        private String reqText(JsonNode node, String field, String path) throws OsvFormatException {
            String text = optText(node, field, path);
            if (text == null) {
                throw fail("missing " + path);
            }
            return text;
        }

        private String optText(JsonNode node, String field, String path) throws OsvFormatException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw fail(path + " is " + kind(value) + ", expected a string");
            }
            return value.textValue();
        }

        private OsvFormatException fail(String problem) {
            return new OsvFormatException(source, id, problem);
        }

        private static String kind(JsonNode node) {
            return node == null || node.isMissingNode() ? "missing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads one array element at a path. */
    @FunctionalInterface
    private interface Element<T> {
        T read(JsonNode node, String path) throws OsvFormatException;
    }
}
