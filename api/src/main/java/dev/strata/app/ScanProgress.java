package dev.strata.app;

import dev.strata.scanner.image.Digest;

/**
 * Hears how one scan advances: called from the scanning threads (layer callbacks concurrently), so
 * implementations must be thread-safe and quick.
 */
public interface ScanProgress {
    /** Hears nothing. */
    ScanProgress NONE = new ScanProgress() {
    };

    /** The image was resolved: {@code layers} distinct layers, {@code bytes} of layer blobs in all. */
    default void resolved(int layers, long bytes) {
    }

    /** This scan starts streaming a layer. */
    default void layerStarted(Digest diffId) {
    }

    /** {@code bytes} more blob bytes of a layer this scan streams were read (called often, from any thread). */
    default void bytesRead(long bytes) {
    }

    /**
     * A layer is in the index: streamed by this scan ({@code bytesRead} blob bytes) or, with 0, found there
     * (indexed earlier, or just now by a concurrent scan of the same process).
     */
    default void layerDone(Digest diffId, long bytesRead) {
    }
}
