package dev.strata.scanner.layer;

/**
 * Resource limits for reading one layer; exceeding one fails the read with an
 * {@link dev.strata.scanner.image.ImageFormatException} while streaming.
 *
 * @param maxUncompressedBytes  largest uncompressed (tar) size of one layer
 * @param maxCompressionRatio   largest uncompressed:compressed ratio, e.g. 200 for 200:1
 * @param ratioCheckAfterBytes  the ratio is only enforced once this many bytes were inflated, so that
 *                              small, highly compressible layers pass
 * @param maxEntries            most tar entries in one layer
 * @param maxPathLength         longest entry name (characters, as written in the tar)
 */
public record LayerLimits(long maxUncompressedBytes, long maxCompressionRatio, long ratioCheckAfterBytes,
                          int maxEntries, int maxPathLength) {
    public static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = 64L << 30;
    public static final long DEFAULT_MAX_COMPRESSION_RATIO = 200;
    public static final long DEFAULT_RATIO_CHECK_AFTER_BYTES = 16L << 20;
    public static final int DEFAULT_MAX_ENTRIES = 5_000_000;
    public static final int DEFAULT_MAX_PATH_LENGTH = 4096;

    public LayerLimits {
        if (maxUncompressedBytes <= 0 || maxCompressionRatio <= 0 || ratioCheckAfterBytes < 0
                || maxEntries <= 0 || maxPathLength <= 0) {
            throw new IllegalArgumentException("layer limits must be positive");
        }
    }

    /** 64 GiB, 200:1 after 16 MiB, 5,000,000 entries, 4096-character paths. */
    public static LayerLimits defaults() {
        return new LayerLimits(DEFAULT_MAX_UNCOMPRESSED_BYTES, DEFAULT_MAX_COMPRESSION_RATIO,
                DEFAULT_RATIO_CHECK_AFTER_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_PATH_LENGTH);
    }

    public LayerLimits withMaxUncompressedBytes(long value) {
        return new LayerLimits(value, maxCompressionRatio, ratioCheckAfterBytes, maxEntries, maxPathLength);
    }

    public LayerLimits withCompressionRatio(long ratio, long afterBytes) {
        return new LayerLimits(maxUncompressedBytes, ratio, afterBytes, maxEntries, maxPathLength);
    }

    public LayerLimits withMaxEntries(int value) {
        return new LayerLimits(maxUncompressedBytes, maxCompressionRatio, ratioCheckAfterBytes, value, maxPathLength);
    }

    public LayerLimits withMaxPathLength(int value) {
        return new LayerLimits(maxUncompressedBytes, maxCompressionRatio, ratioCheckAfterBytes, maxEntries, value);
    }
}
