package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.ParseWarning;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Parses {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} ({@link Properties} format) into Maven
 * coordinates.
 */
public final class PomPropertiesParser {

    /** Parses the file: one item, or none and a warning naming the missing keys. */
    public ParseResult<MavenCoordinates> parse(InputStream in) throws IOException {
        Properties props = new Properties();
        List<ParseWarning> warnings = new ArrayList<>();
        try {
            props.load(in);
        } catch (IllegalArgumentException e) {
            warnings.add(new ParseWarning(0, "invalid properties file: " + e.getMessage()));
            return new ParseResult<>(List.of(), warnings);
        }
        String g = value(props, "groupId");
        String a = value(props, "artifactId");
        String v = value(props, "version");
        List<String> missing = new ArrayList<>();
        if (g == null) {
            missing.add("groupId");
        }
        if (a == null) {
            missing.add("artifactId");
        }
        if (v == null) {
            missing.add("version");
        }
        if (!missing.isEmpty()) {
            warnings.add(new ParseWarning(0, "pom.properties lacks " + String.join(", ", missing)));
            return new ParseResult<>(List.of(), warnings);
        }
        return new ParseResult<>(List.of(new MavenCoordinates(g, a, v)), warnings);
    }

    private static String value(Properties props, String key) {
        String v = props.getProperty(key);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
