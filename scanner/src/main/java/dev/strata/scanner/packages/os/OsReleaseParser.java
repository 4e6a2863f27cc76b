package dev.strata.scanner.packages.os;

import dev.strata.scanner.packages.ParseWarning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code /etc/os-release} and {@code /usr/lib/os-release}: newline-separated {@code KEY=value} lines,
 * {@code #} comments, values optionally in single or double quotes with shell escapes ({@code \" \\ \$ \`}).
 */
public final class OsReleaseParser {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Parses the file; bad lines become warnings. */
    public OsRelease parse(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Parses file content; bad lines become warnings. */
    public OsRelease parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<ParseWarning> warnings = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                warnings.add(new ParseWarning(lineNo, "expected KEY=value but found: " + line));
                continue;
            }
            String key = line.substring(0, eq);
            if (!KEY.matcher(key).matches()) {
                warnings.add(new ParseWarning(lineNo, "invalid key '" + key + "'"));
                continue;
            }
            try {
                values.put(key, unquote(line.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                warnings.add(new ParseWarning(lineNo, e.getMessage() + " in value of " + key));
            }
        }
        return new OsRelease(values, warnings);
    }

    /** Shell-style unquoting of one value: quoted and unquoted parts may be concatenated. */
    static String unquote(String raw) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < raw.length()) {
                    char d = raw.charAt(j);
                    if (d == '\\' && j + 1 < raw.length() && "\"\\$`".indexOf(raw.charAt(j + 1)) >= 0) {
                        out.append(raw.charAt(j + 1));
                        j += 2;
                    } else if (d == '"') {
                        closed = true;
                        j++;
                        break;
                    } else {
                        out.append(d);
                        j++;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated double quote");
                }
                i = j;
            } else if (c == '\'') {
                int end = raw.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote");
                }
                out.append(raw, i + 1, end);
                i = end + 1;
            } else if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(i + 1));
                i += 2;
            } else if (Character.isWhitespace(c)) {
                break; // unquoted whitespace ends the value (trailing text is ignored)
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
