package dev.strata.scanner.packages.python;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.ParseWarning;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses a {@code *.dist-info/RECORD} file: CSV rows {@code path,hash,size} (RFC 4180 quoting). */
public final class RecordParser {

    /** Parses the file; rows with the wrong number of columns or a bad size are warnings. */
    public ParseResult<RecordEntry> parse(InputStream in) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<RecordEntry> out = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = br.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cols = splitCsv(line);
            if (cols == null) {
                warnings.add(new ParseWarning(lineNo, "unterminated quote in: " + line));
                continue;
            }
            if (cols.size() != 3 || cols.get(0).isEmpty()) {
                warnings.add(new ParseWarning(lineNo, "expected 'path,hash,size' but found " + cols.size()
                        + " column(s): " + line));
                continue;
            }
            Long size = null;
            if (!cols.get(2).isEmpty()) {
                try {
                    size = Long.parseLong(cols.get(2));
                } catch (NumberFormatException e) {
                    warnings.add(new ParseWarning(lineNo, "invalid size '" + cols.get(2) + "'"));
                    continue;
                }
            }
            out.add(new RecordEntry(cols.get(0), cols.get(1).isEmpty() ? null : cols.get(1), size));
        }
        return new ParseResult<>(out, warnings);
    }

    /** Splits one CSV line; null when a quote is not closed. */
    static List<String> splitCsv(String line) {
        List<String> cols = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cols.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cols.add(cur.toString());
        return cols;
    }
}
