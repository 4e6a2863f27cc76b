package dev.strata.scanner.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a layer's gzip stream is inflated: by the JVM's zlib, or by an external {@code igzip} (Intel ISA-L, Debian
 * package {@code isal}), which inflates about twice as fast — as container runtimes hand gzip layers to
 * {@code unpigz} when it is installed.
 */
public sealed interface GzipInflater permits JavaGzipInflater, ExternalGzipInflater {
    /** The environment variable choosing the inflater: {@code auto} (default), {@code java} or a path to igzip. */
    String SETTING = "STRATA_GZIP";

    /**
     * The uncompressed stream of {@code compressed}, a blob of {@code compressedSize} bytes (≤ 0: unknown). The
     * caller reads it to its end (or stops early and closes it) and then reads what is left of {@code compressed}.
     */
    InputStream inflate(InputStream compressed, long compressedSize) throws IOException;

    /** A short name for logs: {@code java} or the igzip path. */
    String describe();

    /** The JVM's own inflater. */
    static GzipInflater java() {
        return JavaGzipInflater.INSTANCE;
    }

    /**
     * The inflater a setting names: {@code java}; a path to an igzip executable; {@code auto} or empty: igzip
     * from {@code PATH} when installed, else the JVM's.
     *
     * @throws IllegalArgumentException for a path that is not an executable file
     */
    static GzipInflater fromSetting(String setting, String pathVariable) {
        if (setting == null || setting.isBlank() || setting.equals("auto")) {
            return findOnPath("igzip", pathVariable).<GzipInflater>map(ExternalGzipInflater::new).orElse(java());
        }
        if (setting.equals("java")) {
            return java();
        }
        Path executable = Path.of(setting);
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new IllegalArgumentException(SETTING + "=" + setting + " is not 'auto', 'java' or an executable igzip");
        }
        return new ExternalGzipInflater(executable);
    }

    /** The first executable {@code name} in the directories of a {@code PATH} value. */
    static Optional<Path> findOnPath(String name, String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
