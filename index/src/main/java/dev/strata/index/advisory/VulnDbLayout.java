package dev.strata.index.advisory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the vulnerability database lives: {@code <dataDir>/vulndb/CURRENT} names the live generation
 * ({@code gen-<n>}), whose Lucene index is in {@code gen-<n>/index/} and whose import status is
 * {@code gen-<n>/status.json}.
 */
final class VulnDbLayout {
    static final String CURRENT = "CURRENT";
    static final String STATUS = "status.json";
    static final String INDEX = "index";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{1,18})");

    final Path root;

    VulnDbLayout(Path dataDir) {
        this.root = dataDir.resolve("vulndb");
    }

    /** The live generation's name, if a database was ever imported. */
    Optional<String> current() throws IOException {
        try {
            String name = Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).trim();
            if (!GENERATION.matcher(name).matches()) {
                throw new IOException("corrupt " + root.resolve(CURRENT) + ": '" + name + "' is not a generation name");
            }
            return Optional.of(name);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    Path generation(String name) {
        return root.resolve(name);
    }

    /** The generation number of a {@code gen-<n>} name, or -1 for other names. */
    static long number(String name) {
        Matcher m = GENERATION.matcher(name);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
