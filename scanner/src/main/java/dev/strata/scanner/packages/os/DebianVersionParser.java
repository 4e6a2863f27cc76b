package dev.strata.scanner.packages.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /etc/debian_version}, the fallback when os-release is missing: a point release such as
 * {@code 12.5} (release 12, bookworm) or a development marker such as {@code trixie/sid}.
 */
public final class DebianVersionParser {

    private static final Map<String, String> CODENAMES = Map.ofEntries(
            Map.entry("6", "squeeze"), Map.entry("7", "wheezy"), Map.entry("8", "jessie"),
            Map.entry("9", "stretch"), Map.entry("10", "buster"), Map.entry("11", "bullseye"),
            Map.entry("12", "bookworm"), Map.entry("13", "trixie"), Map.entry("14", "forky"),
            Map.entry("15", "duke"));
    private static final Pattern NUMERIC = Pattern.compile("(\\d+)(?:\\.\\d+)*");
    private static final Pattern DEVELOPMENT = Pattern.compile("([a-z]+)/sid");

    /** Parses the file. */
    public Optional<OsInfo> parse(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Parses the first line; empty when it is neither {@code N[.M]} nor {@code codename/sid}. */
    public Optional<OsInfo> parse(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        Matcher m = NUMERIC.matcher(line);
        if (m.matches()) {
            String major = m.group(1);
            String codename = CODENAMES.get(major);
            String pretty = "Debian GNU/Linux " + major + (codename == null ? "" : " (" + codename + ")");
            return Optional.of(new OsInfo("debian", major, codename, pretty, List.of()));
        }
        Matcher d = DEVELOPMENT.matcher(line);
        if (d.matches()) {
            String codename = d.group(1);
            return Optional.of(new OsInfo("debian", null, codename,
                    "Debian GNU/Linux " + codename + "/sid", List.of()));
        }
        return Optional.empty();
    }
}
