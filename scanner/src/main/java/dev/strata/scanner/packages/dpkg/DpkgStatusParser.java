package dev.strata.scanner.packages.dpkg;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.ParseWarning;
import dev.strata.scanner.packages.text.Stanza;
import dev.strata.scanner.packages.text.StanzaReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dpkg status database (Debian Policy 5.1 control-file syntax) into installed packages.
 *
 * <p>{@link #parseStatus} reads {@code var/lib/dpkg/status}: only stanzas whose {@code Status} is
 * {@code <install|hold> ok installed} are kept. {@link #parseStatusD} reads one file of
 * {@code var/lib/dpkg/status.d/} (distroless images), where a missing {@code Status} means installed.
 */
public final class DpkgStatusParser {

    private static final Pattern SOURCE = Pattern.compile("([^\\s(]+)(?:\\s*\\(\\s*([^\\s)]+)\\s*\\))?");

    /** Parses {@code var/lib/dpkg/status}. */
    public ParseResult<DpkgPackage> parseStatus(InputStream in) throws IOException {
        return parse(in, false);
    }

    /** Parses one file of {@code var/lib/dpkg/status.d/}. */
    public ParseResult<DpkgPackage> parseStatusD(InputStream in) throws IOException {
        return parse(in, true);
    }

    private ParseResult<DpkgPackage> parse(InputStream in, boolean missingStatusMeansInstalled) throws IOException {
        StanzaReader reader = new StanzaReader();
        List<Stanza> stanzas = reader.readAll(in);
        List<ParseWarning> warnings = new ArrayList<>(reader.warnings());
        List<DpkgPackage> out = new ArrayList<>();
        for (Stanza s : stanzas) {
            toPackage(s, missingStatusMeansInstalled, warnings).ifPresent(out::add);
        }
        return new ParseResult<>(out, warnings);
    }

    private static Optional<DpkgPackage> toPackage(Stanza s, boolean missingStatusMeansInstalled,
                                                   List<ParseWarning> warnings) {
        Optional<String> name = s.first("Package").filter(v -> !v.isEmpty());
        Optional<String> version = s.first("Version").filter(v -> !v.isEmpty());
        if (name.isEmpty() || version.isEmpty()) {
            warnings.add(new ParseWarning(s.firstLine(), "stanza skipped: missing "
                    + (name.isEmpty() ? "Package" : "Version") + " field"
                    + name.map(n -> " (Package: " + n + ")").orElse("")));
            return Optional.empty();
        }
        Optional<String> status = s.first("Status");
        if (status.isEmpty()) {
            if (!missingStatusMeansInstalled) {
                warnings.add(new ParseWarning(s.firstLine(), "stanza skipped: no Status field (Package: "
                        + name.get() + ")"));
                return Optional.empty();
            }
        } else if (!isInstalled(status.get())) {
            return Optional.empty();
        }
        String sourceName = name.get();
        String sourceVersion = version.get();
        Optional<String> source = s.first("Source").filter(v -> !v.isEmpty());
        if (source.isPresent()) {
            Matcher m = SOURCE.matcher(source.get());
            if (m.matches()) {
                sourceName = m.group(1);
                if (m.group(2) != null) {
                    sourceVersion = m.group(2);
                }
            } else {
                warnings.add(new ParseWarning(s.firstLine(), "malformed Source field '" + source.get()
                        + "' (Package: " + name.get() + "); using the binary name and version"));
            }
        }
        return Optional.of(new DpkgPackage(name.get(), version.get(), s.first("Architecture").orElse(null),
                sourceName, sourceVersion, s.first("Maintainer").orElse(null), s.firstLine()));
    }

    /** {@code Status: want flag status}: installed when flag is ok and status is installed. */
    static boolean isInstalled(String status) {
        String[] words = status.strip().split("\\s+");
        return words.length == 3
                && (words[0].equals("install") || words[0].equals("hold"))
                && words[1].equals("ok")
                && words[2].equals("installed");
    }
}
