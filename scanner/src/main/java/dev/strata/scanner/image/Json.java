package dev.strata.scanner.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small Jackson helpers shared by the manifest and config parsers; all failures name {@code what}. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode read(byte[] bytes, String what) throws ImageFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new ImageFormatException(what + " is empty");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new ImageFormatException(what + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw new ImageFormatException(what + " is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    static Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode v = node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null && v.isObject()) {
            v.fields().forEachRemaining(e -> {
                if (e.getValue() != null && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    /** A list of strings, or null when the field is absent/null (a lone string counts as one element). */
    static List<String> stringList(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.isNull() ? "" : x.asText()));
        } else if (v.isValueNode()) {
            out.add(v.asText());
        }
        return out;
    }

    static List<String> keys(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isObject()) {
            v.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }
}
