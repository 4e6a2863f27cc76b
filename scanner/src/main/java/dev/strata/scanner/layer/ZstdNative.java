package dev.strata.scanner.layer;

import java.nio.file.Path;

/**
 * Loads zstd-jni's native library the first time a zstd layer is read, not at start-up (extracting and linking
 * it costs a cold start 60–100 ms). Like the library itself, this is per JVM: the directory the library is
 * extracted into is set once, by whoever owns the data directory, so nothing is written outside it.
 */
public final class ZstdNative {
    private static volatile Path extractDirectory;

    private ZstdNative() {
    }

    /** Where the native library is extracted when it is first needed (default: the JVM's temporary directory). */
    public static void extractInto(Path directory) {
        extractDirectory = directory;
    }

    /** Loads the library if it is not loaded yet. */
    static synchronized void ensureLoaded() {
        if (!com.github.luben.zstd.util.Native.isLoaded()) {
            Path dir = extractDirectory;
            if (dir == null) {
                com.github.luben.zstd.util.Native.load();
            } else {
                com.github.luben.zstd.util.Native.load(dir.toFile());
            }
        }
    }
}
