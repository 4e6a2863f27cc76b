package dev.strata.scanner.packages.dpkg;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.ParseWarning;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the per-package file lists {@code info/<pkg>.list} and {@code info/<pkg>.md5sums}. */
public final class DpkgFileList {

    private static final Pattern MD5_LINE = Pattern.compile("([0-9a-fA-F]{32}) [ *]?(.+)");

    /**
     * Paths of a {@code .list} file (one absolute path per line), in file order; the root entry {@code /.}
     * and blank lines are dropped.
     */
    public List<String> parseList(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = br.readLine()) != null) {
            if (line.isEmpty() || line.equals("/.")) {
                continue;
            }
            out.add(line.startsWith("/") ? line : "/" + line);
        }
        return out;
    }

    /** Entries of a {@code .md5sums} file ({@code <md5>  <path without leading slash>}); bad lines are warnings. */
    public ParseResult<FileDigest> parseMd5sums(InputStream in) throws IOException {
        List<FileDigest> out = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = br.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = MD5_LINE.matcher(line);
            if (!m.matches()) {
                warnings.add(new ParseWarning(lineNo, "expected '<md5>  <path>' but found: " + line));
                continue;
            }
            String path = m.group(2);
            out.add(new FileDigest(path.startsWith("/") ? path : "/" + path, m.group(1).toLowerCase(Locale.ROOT)));
        }
        return new ParseResult<>(out, warnings);
    }
}
