package dev.strata.scanner.packages.java;

/**
 * Bounds on the work spent on one outer Java archive and the archives nested in it.
 *
 * <p>{@code maxNesting}: how many levels of archives inside the outer one are opened (the outer file is level 0,
 * {@code a.jar!/lib/b.jar} level 1). {@code maxTotalBytes}: uncompressed bytes read from entries of the outer
 * archive and all archives nested in it. {@code maxRatio}: uncompressed/compressed ratio of one entry, checked once
 * it has produced {@code ratioFloorBytes}. {@code maxEntries}: entries seen, summed over all levels.
 */
public record ArchiveLimits(int maxNesting, long maxTotalBytes, long maxRatio, long ratioFloorBytes, long maxEntries) {

    /** 4 levels, 2 GiB, ratio 100 after 1 MiB, one million entries. */
    public static final ArchiveLimits DEFAULTS = new ArchiveLimits(4, 2L << 30, 100, 1L << 20, 1_000_000);

    public ArchiveLimits {
        if (maxNesting < 0 || maxTotalBytes <= 0 || maxRatio <= 0 || ratioFloorBytes < 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("invalid archive limits");
        }
    }
}
