package dev.strata.scanner.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code .strataignore.yaml}: a YAML mapping whose {@code ignore} key holds a list of entries with
 * {@code id} (required), {@code purl}, {@code package}, {@code paths} (a string or a list), {@code reason}
 * (required, not blank) and {@code expires} ({@code YYYY-MM-DD}). Anything else (unknown keys, wrong types, an
 * invalid purl or date, YAML syntax errors) is an {@link IgnoreFileException} naming the file and line.
 */
public final class IgnoreFileParser {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> KEYS = Set.of("id", "purl", "package", "paths", "reason", "expires");

    private IgnoreFileParser() {
    }

    /** Parses {@code content}; {@code file} names it in rules and errors. An empty document has no rules. */
    public static List<IgnoreRule> parse(String content, String file) {
        List<IgnoreRule> rules = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(content)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return List.of();
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IgnoreFileException(file, line(p), "expected a mapping with an 'ignore' list");
            }
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                JsonToken value = p.nextToken();
                if (!key.equals("ignore")) {
                    throw new IgnoreFileException(file, keyLine, "unknown key '" + key + "' (expected 'ignore')");
                }
                seen = true;
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new IgnoreFileException(file, keyLine, "'ignore' must be a list of entries");
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int entryLine = line(p);
                    JsonNode entry = YAML.readTree(p);
                    rules.add(entry(entry, file, entryLine));
                }
            }
            if (!seen) {
                throw new IgnoreFileException(file, 0, "no top-level 'ignore' list");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IgnoreFileException(file, at == null ? 0 : at.getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new IgnoreFileException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return List.copyOf(rules);
    }

    private static IgnoreRule entry(JsonNode entry, String file, int line) {
        if (!entry.isObject()) {
            throw new IgnoreFileException(file, line, "an ignore entry must be a mapping with 'id' and 'reason'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!KEYS.contains(key)) {
                throw new IgnoreFileException(file, line, "unknown key '" + key
                        + "' (expected id, purl, package, paths, reason, expires)");
            }
        }
        String id = text(entry, "id", file, line);
        if (id == null || id.isBlank()) {
            throw new IgnoreFileException(file, line, "entry has no 'id'");
        }
        String reason = text(entry, "reason", file, line);
        if (reason == null || reason.isBlank()) {
            throw new IgnoreFileException(file, line, "entry for " + id + " has no 'reason'");
        }
        String purl = text(entry, "purl", file, line);
        if (purl != null) {
            try {
                PurlMatch.parse(purl);
            } catch (IllegalArgumentException e) {
                throw new IgnoreFileException(file, line, e.getMessage(), e);
            }
        }
        String expiresText = text(entry, "expires", file, line);
        LocalDate expires = null;
        if (expiresText != null) {
            try {
                expires = LocalDate.parse(expiresText);
            } catch (DateTimeParseException e) {
                throw new IgnoreFileException(file, line, "'expires' must be a date YYYY-MM-DD, got '"
                        + expiresText + "'", e);
            }
        }
        return new IgnoreRule(id.strip(), purl, text(entry, "package", file, line), paths(entry, file, line),
                reason.strip(), expires, file, line);
    }

    private static String text(JsonNode entry, String key, String file, int line) {
        JsonNode v = entry.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IgnoreFileException(file, line, "'" + key + "' must be a single value");
        }
        return v.asText();
    }

    private static List<String> paths(JsonNode entry, String file, int line) {
        JsonNode v = entry.get("paths");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new IgnoreFileException(file, line, "'paths' must be a path or a list of paths");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode p : v) {
            if (!p.isTextual()) {
                throw new IgnoreFileException(file, line, "'paths' must list strings");
            }
            out.add(p.asText());
        }
        return out;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

}
