package dev.strata.scanner.packages.npm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.packages.PackageParseException;
import java.io.IOException;
import java.io.InputStream;

/** Reads a JSON object document, turning syntax errors into {@link PackageParseException}. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode readObject(InputStream in, String what) throws IOException, PackageParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new PackageParseException("invalid JSON in " + what + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PackageParseException(what + " is not a JSON object");
        }
        return root;
    }

    /** The text of a string field; null when absent or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
