package dev.strata.scanner.union;

import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Stacks layers lowest first, applying OCI whiteouts ({@code .wh.NAME} deletes a lower path and its
 * subtree; an opaque whiteout hides every lower child of its directory), and records what each layer
 * changed. Whiteouts act on lower layers only, so a layer's own entries survive its own whiteouts.
 */
public final class UnionFilesystem {
    private final NavigableMap<String, UnionEntry> paths = new TreeMap<>();
    private final List<LayerChanges> changes = new ArrayList<>();

    /** Told of every entry of the filesystem that a layer deletes or replaces (for waste accounting). */
    @FunctionalInterface
    public interface RemovalListener {
        /** {@code removed} (written by a lower layer, or earlier in the same one) left the view at layer {@code byLayer}. */
        void removed(UnionEntry removed, int byLayer, ChangeKind how);
    }

    private static final RemovalListener IGNORE = (removed, byLayer, how) -> { };

    private RemovalListener listener = IGNORE;

    /** Applies the next layer (above all applied so far) and returns what it changed. */
    public LayerChanges apply(List<LayerEntry> layerEntries) {
        return apply(layerEntries, IGNORE);
    }

    /**
     * As {@link #apply(List)}, telling {@code removals} of each entry the layer deletes ({@link ChangeKind#DELETED}:
     * whiteouts, opaque directories, a directory replaced by a non-directory) or replaces at the same path
     * ({@link ChangeKind#MODIFIED}).
     */
    public LayerChanges apply(List<LayerEntry> layerEntries, RemovalListener removals) {
        listener = removals;
        try {
            return applyLayer(layerEntries);
        } finally {
            listener = IGNORE;
        }
    }

    private LayerChanges applyLayer(List<LayerEntry> layerEntries) {
        int layerIndex = changes.size();
        Tally tally = new Tally();
        for (LayerEntry entry : layerEntries) {
            if (entry.type() == EntryType.WHITEOUT) {
                removeLower(entry.path(), true, layerIndex, tally);
            } else if (entry.type() == EntryType.OPAQUE_WHITEOUT) {
                removeLower(entry.path(), false, layerIndex, tally);
            }
        }
        for (LayerEntry entry : layerEntries) {
            if (!entry.type().isWhiteout()) {
                put(entry, layerIndex, tally);
            }
        }
        LayerChanges result = tally.toChanges();
        changes.add(result);
        return result;
    }

    private void removeLower(String path, boolean includeSelf, int layerIndex, Tally tally) {
        if (includeSelf) {
            UnionEntry self = paths.get(path);
            if (self != null && self.layerIndex() < layerIndex) {
                paths.remove(path);
                tally.deleted(self.entry());
                listener.removed(self, layerIndex, ChangeKind.DELETED);
            }
        }
        Map<String, UnionEntry> below = subtree(path);
        List<String> doomed = new ArrayList<>();
        for (Map.Entry<String, UnionEntry> child : below.entrySet()) {
            if (child.getValue().layerIndex() < layerIndex) {
                doomed.add(child.getKey());
                tally.deleted(child.getValue().entry());
                listener.removed(child.getValue(), layerIndex, ChangeKind.DELETED);
            }
        }
        doomed.forEach(paths::remove);
    }

    private void put(LayerEntry entry, int layerIndex, Tally tally) {
        UnionEntry previous = paths.put(entry.path(), new UnionEntry(entry, layerIndex));
        if (previous == null) {
            tally.added(entry);
            return;
        }
        listener.removed(previous, layerIndex, ChangeKind.MODIFIED);
        boolean wasDir = previous.entry().type() == EntryType.DIRECTORY;
        boolean isDir = entry.type() == EntryType.DIRECTORY;
        if (wasDir && !isDir) {
            // a file replacing a directory hides the directory's lower contents
            Map<String, UnionEntry> below = subtree(entry.path());
            below.values().forEach(e -> {
                tally.deleted(e.entry());
                listener.removed(e, layerIndex, ChangeKind.DELETED);
            });
            below.clear();
        }
        if (previous.layerIndex() == layerIndex) {
            return; // repeated in the same layer (e.g. a directory entry written twice): not a change of the layer below
        }
        if (wasDir && isDir && sameMetadata(previous.entry(), entry)) {
            return; // re-declaring a parent directory unchanged is not a modification
        }
        tally.modified(entry);
    }

    private static boolean sameMetadata(LayerEntry a, LayerEntry b) {
        return a.mode() == b.mode() && a.uid() == b.uid() && a.gid() == b.gid();
    }

    private NavigableMap<String, UnionEntry> subtree(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        // '0' is the character after '/', so this range holds exactly the paths below dir
        String end = prefix.substring(0, prefix.length() - 1) + '0';
        return paths.subMap(prefix, true, end, false);
    }

    /** The final filesystem after every applied layer, sorted by path. */
    public NavigableMap<String, UnionEntry> paths() {
        return Collections.unmodifiableNavigableMap(paths);
    }

    /** The changes of each applied layer, lowest first. */
    public List<LayerChanges> changes() {
        return List.copyOf(changes);
    }

    /** Bytes of regular-file content in the final filesystem. */
    public long finalFileBytes() {
        return paths.values().stream()
                .filter(e -> e.entry().type() == EntryType.FILE)
                .mapToLong(e -> e.entry().size())
                .sum();
    }

    private static final class Tally {
        private final List<PathChange> list = new ArrayList<>();
        private int added;
        private int modified;
        private int deleted;
        private long addedBytes;
        private long modifiedBytes;
        private long deletedBytes;

        void added(LayerEntry e) {
            added++;
            addedBytes += fileBytes(e);
            list.add(new PathChange(e.path(), ChangeKind.ADDED, e.type(), fileBytes(e)));
        }

        void modified(LayerEntry e) {
            modified++;
            modifiedBytes += fileBytes(e);
            list.add(new PathChange(e.path(), ChangeKind.MODIFIED, e.type(), fileBytes(e)));
        }

        void deleted(LayerEntry e) {
            deleted++;
            deletedBytes += fileBytes(e);
            list.add(new PathChange(e.path(), ChangeKind.DELETED, e.type(), fileBytes(e)));
        }

        private static long fileBytes(LayerEntry e) {
            return e.type() == EntryType.FILE ? e.size() : 0;
        }

        LayerChanges toChanges() {
            return new LayerChanges(added, addedBytes, modified, modifiedBytes, deleted, deletedBytes, list);
        }
    }
}
