package dev.strata.scanner.packages.apk;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.ParseWarning;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code lib/apk/db/installed} (apk-tools database: blank-line separated entries of {@code X:value} lines).
 * Used keys: {@code P} name, {@code V} version, {@code A} arch, {@code o} origin, {@code L} license, {@code T}
 * description, {@code F} directory and {@code R} file within the last {@code F}. Other keys are ignored.
 */
public final class ApkInstalledParser {

    /** Parses the database; entries without {@code P} or {@code V} are skipped with a warning. */
    public ParseResult<ApkPackage> parse(InputStream in) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<ApkPackage> out = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        Entry entry = null;
        String line;
        int lineNo = 0;
        while ((line = br.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                if (entry != null) {
                    entry.finish(out, warnings);
                    entry = null;
                }
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != ':') {
                warnings.add(new ParseWarning(lineNo, "expected 'X:value' but found: " + abbreviate(line)));
                continue;
            }
            if (entry == null) {
                entry = new Entry(lineNo);
            }
            entry.accept(line.charAt(0), line.substring(2), lineNo, warnings);
        }
        if (entry != null) {
            entry.finish(out, warnings);
        }
        return new ParseResult<>(out, warnings);
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }

    /** Mutable state of the entry being read. */
    private static final class Entry {
        private final int line;
        private String name;
        private String version;
        private String arch;
        private String origin;
        private String license;
        private String description;
        private String dir;
        private final List<String> files = new ArrayList<>();

        Entry(int line) {
            this.line = line;
        }

        void accept(char key, String value, int lineNo, List<ParseWarning> warnings) {
            switch (key) {
                case 'P' -> name = value;
                case 'V' -> version = value;
                case 'A' -> arch = value;
                case 'o' -> origin = value;
                case 'L' -> license = value;
                case 'T' -> description = value;
                case 'F' -> dir = value;
                case 'R' -> {
                    if (value.isEmpty() || value.contains("/")) {
                        warnings.add(new ParseWarning(lineNo, "invalid file name in R: line: '" + value + "'"));
                    } else {
                        files.add(dir == null || dir.isEmpty() ? "/" + value : "/" + dir + "/" + value);
                    }
                }
                default -> {
                    // checksums, sizes, dependencies, ACLs ... not needed here
                }
            }
        }

        void finish(List<ApkPackage> out, List<ParseWarning> warnings) {
            if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
                warnings.add(new ParseWarning(line, "entry skipped: missing "
                        + (name == null || name.isEmpty() ? "P: (name)" : "V: (version) for " + name)));
                return;
            }
            String src = origin == null || origin.isEmpty() ? name : origin;
            out.add(new ApkPackage(name, version, arch, src, license, description, files, line));
        }
    }
}
