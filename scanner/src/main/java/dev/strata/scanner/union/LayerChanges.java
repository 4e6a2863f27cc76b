package dev.strata.scanner.union;

import java.util.List;

/**
 * What one layer changed relative to the layers below it: counts and bytes of added, modified and
 * deleted paths (bytes count regular-file content), and the changes themselves in the order applied.
 */
public record LayerChanges(int added, long addedBytes, int modified, long modifiedBytes,
                           int deleted, long deletedBytes, List<PathChange> changes) {
    public LayerChanges {
        changes = List.copyOf(changes);
    }

    /** The same counts without the per-path list, for reports that only need totals. */
    public LayerChanges withoutPaths() {
        return new LayerChanges(added, addedBytes, modified, modifiedBytes, deleted, deletedBytes, List.of());
    }
}
