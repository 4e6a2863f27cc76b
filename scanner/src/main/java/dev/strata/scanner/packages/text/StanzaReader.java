package dev.strata.scanner.packages.text;

import dev.strata.scanner.packages.ParseWarning;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads "Name: value" stanzas separated by blank lines, with continuation lines starting with a space or tab
 * (Debian Policy 5.1, RFC 822 folding). Lines that are neither a field nor a continuation become warnings.
 */
public final class StanzaReader {

    private final List<ParseWarning> warnings = new ArrayList<>();

    /** Warnings collected by the last {@code read} call. */
    public List<ParseWarning> warnings() {
        return List.copyOf(warnings);
    }

    /** Reads all stanzas of a UTF-8 stream (malformed bytes are replaced, not fatal). */
    public List<Stanza> readAll(InputStream in) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), false);
    }

    /** Reads all stanzas of a string. */
    public List<Stanza> readAll(String text) {
        try {
            return read(new StringReader(text), false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads only the first stanza (a header block); everything after its closing blank line is ignored. */
    public Stanza readHeader(InputStream in) throws IOException {
        List<Stanza> stanzas = read(new InputStreamReader(in, StandardCharsets.UTF_8), true);
        return stanzas.isEmpty() ? new Stanza(List.of(), 1) : stanzas.get(0);
    }

    /** Core loop; with {@code headerOnly} reading stops at the end of the first stanza. */
    private List<Stanza> read(Reader reader, boolean headerOnly) throws IOException {
        warnings.clear();
        List<Stanza> out = new ArrayList<>();
        BufferedReader br = new BufferedReader(reader);
        List<StanzaField> fields = new ArrayList<>();
        String name = null;
        StringBuilder value = null;
        int fieldLine = 0;
        int stanzaLine = 0;
        int lineNo = 0;
        String line;
        while ((line = br.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                if (name != null) {
                    fields.add(new StanzaField(name, value.toString(), fieldLine));
                    name = null;
                }
                if (!fields.isEmpty()) {
                    out.add(new Stanza(fields, stanzaLine));
                    fields = new ArrayList<>();
                    if (headerOnly) {
                        return out;
                    }
                }
                continue;
            }
            char c = line.charAt(0);
            if (c == ' ' || c == '\t') {
                if (name == null) {
                    warnings.add(new ParseWarning(lineNo, "continuation line without a field: " + abbreviate(line)));
                } else {
                    value.append('\n').append(line.substring(1));
                }
                continue;
            }
            if (c == '#' && name == null && fields.isEmpty()) {
                continue; // comment lines between stanzas (allowed in deb822 files)
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                warnings.add(new ParseWarning(lineNo, "expected 'Field: value' but found: " + abbreviate(line)));
                continue;
            }
            if (name != null) {
                fields.add(new StanzaField(name, value.toString(), fieldLine));
            }
            if (fields.isEmpty()) {
                stanzaLine = lineNo;
            }
            name = line.substring(0, colon).strip();
            value = new StringBuilder(line.substring(colon + 1).strip());
            fieldLine = lineNo;
        }
        if (name != null) {
            fields.add(new StanzaField(name, value.toString(), fieldLine));
        }
        if (!fields.isEmpty()) {
            out.add(new Stanza(fields, stanzaLine));
        }
        return out;
    }

    static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }
}
