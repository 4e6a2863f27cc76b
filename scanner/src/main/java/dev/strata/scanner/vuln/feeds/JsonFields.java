package dev.strata.scanner.vuln.feeds;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Small typed accessors over one already-read JSON entry, raising {@link Malformed} on wrong types. */
final class JsonFields {

    private JsonFields() {
    }

    /** The text of {@code field}, null when absent or JSON null; {@link Malformed} when it is not a string. */
    static String text(JsonNode node, String field) throws Malformed {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Malformed("'" + field + "' is not a string: " + v);
        }
        return v.textValue();
    }

    /** Describes a Jackson failure as "line L, column C (byte B)". */
    static String where(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null) {
            return "an unknown place";
        }
        String s = "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return loc.getByteOffset() >= 0 ? s + " (byte " + loc.getByteOffset() + ")" : s;
    }
}
