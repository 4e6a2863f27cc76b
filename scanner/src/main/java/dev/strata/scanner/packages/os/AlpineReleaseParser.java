package dev.strata.scanner.packages.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code /etc/alpine-release}: one line such as {@code 3.19.1} or {@code 3.20.0_alpha20240329}. */
public final class AlpineReleaseParser {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:_[a-z]+\\d*)?");

    /** Parses the file. */
    public Optional<OsInfo> parse(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Parses the first line; empty when it is not a version. */
    public Optional<OsInfo> parse(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        Matcher m = VERSION.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String pretty = "Alpine Linux v" + m.group(1) + "." + m.group(2);
        return Optional.of(new OsInfo("alpine", line, null, pretty, List.of()));
    }
}
