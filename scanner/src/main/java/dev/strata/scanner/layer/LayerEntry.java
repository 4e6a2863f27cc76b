package dev.strata.scanner.layer;

import dev.strata.scanner.image.Digest;

/**
 * One entry of a layer tar, normalised. {@code path} is absolute and clean ({@code /etc/passwd}); for a
 * whiteout it is the path being deleted (for an opaque whiteout, the directory being made opaque).
 * {@code sha256} is set for regular files only; {@code linkTarget} for symlinks (as written) and hard
 * links (normalised absolute path).
 */
public record LayerEntry(String path, EntryType type, long size, int mode, long uid, long gid,
                         long modifiedEpochSeconds, String linkTarget, Digest sha256) {
}
