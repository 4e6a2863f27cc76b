package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.ParseWarning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the main section of {@code META-INF/MANIFEST.MF} (JAR File Specification): {@code Name: value} headers,
 * lines ended by CR LF, LF or CR, a line starting with one space continues the previous value (writers wrap at
 * 72 bytes, possibly inside a UTF-8 sequence, so lines are joined as bytes before decoding). The main section
 * ends at the first blank line; per-entry sections are ignored.
 */
public final class JarManifestParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,69}");

    /** Parses a manifest stream. */
    public JarManifest parse(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    /** Parses manifest bytes; malformed lines become warnings. */
    public JarManifest parse(byte[] bytes) {
        Map<String, String> attrs = new LinkedHashMap<>();
        List<ParseWarning> warnings = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int currentLine = 0;
        int lineNo = 0;
        int pos = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        while (pos < bytes.length) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            int next = end;
            if (next < bytes.length && bytes[next] == '\r') {
                next++;
            }
            if (next < bytes.length && bytes[next] == '\n' && (next == end || bytes[end] == '\r')) {
                next++;
            }
            lineNo++;
            if (end == pos) {
                break; // blank line: end of the main section
            }
            if (bytes[pos] == ' ') {
                if (current == null) {
                    warnings.add(new ParseWarning(lineNo, "continuation line without a header"));
                } else {
                    current.write(bytes, pos + 1, end - pos - 1);
                }
            } else {
                if (current != null) {
                    put(attrs, current, currentLine, warnings);
                }
                current = new ByteArrayOutputStream();
                current.write(bytes, pos, end - pos);
                currentLine = lineNo;
            }
            pos = next;
        }
        if (current != null) {
            put(attrs, current, currentLine, warnings);
        }
        return new JarManifest(attrs, warnings);
    }

    private static void put(Map<String, String> attrs, ByteArrayOutputStream header, int line,
                            List<ParseWarning> warnings) {
        String text = header.toString(StandardCharsets.UTF_8);
        int sep = text.indexOf(": ");
        if (sep < 0 && text.endsWith(":")) {
            sep = text.length() - 1;
        }
        if (sep <= 0) {
            warnings.add(new ParseWarning(line, "expected 'Name: value' but found: " + abbreviate(text)));
            return;
        }
        String name = text.substring(0, sep);
        if (!NAME.matcher(name).matches()) {
            warnings.add(new ParseWarning(line, "invalid header name '" + abbreviate(name) + "'"));
            return;
        }
        String value = sep + 2 <= text.length() ? text.substring(sep + 2) : "";
        String existing = attrs.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
        if (existing != null) {
            warnings.add(new ParseWarning(line, "duplicate header '" + name + "'; the last value wins"));
            attrs.remove(existing);
        }
        attrs.put(name, value);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
