package dev.strata.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where Strata keeps its state: {@code --data DIR}, else {@code $STRATA_DATA}, else {@code ~/.strata}. */
public record DataDirectory(Path root) {

    public static DataDirectory resolve(Path option) {
        if (option != null) {
            return new DataDirectory(option.toAbsolutePath().normalize());
        }
        String env = System.getenv("STRATA_DATA");
        if (env != null && !env.isBlank()) {
            return new DataDirectory(Path.of(env).toAbsolutePath().normalize());
        }
        return new DataDirectory(Path.of(System.getProperty("user.home"), ".strata"));
    }

    /** Creates the directory if needed and returns it. */
    public Path create() throws IOException {
        Files.createDirectories(root);
        return root;
    }
}
