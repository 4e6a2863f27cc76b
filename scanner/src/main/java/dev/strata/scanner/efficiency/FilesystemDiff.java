package dev.strata.scanner.efficiency;

import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.union.UnionEntry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

/**
 * Compares two final filesystems path by path: a path only in {@code to} is added, only in {@code from} removed,
 * in both with another type, content hash or link target changed (directories compare equal whatever their
 * metadata; mode and owner changes are not content changes). Pure; one merge pass over the sorted maps.
 */
public final class FilesystemDiff {
    private FilesystemDiff() {
    }

    /** Counts and bytes (regular-file content) per kind, and at most {@code limit} paths of each kind. */
    public record Result(int added, long addedBytes, int removed, long removedBytes, int changed, long changedBytes,
                         List<Change> addedPaths, List<Change> removedPaths, List<Change> changedPaths) {
        public Result {
            addedPaths = List.copyOf(addedPaths);
            removedPaths = List.copyOf(removedPaths);
            changedPaths = List.copyOf(changedPaths);
        }
    }

    /**
     * One path's change: type, size and sha256 before ({@code from*}, null when added) and after ({@code to*},
     * null when removed); sizes and hashes are those of regular files.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Change(String path, String fromType, Long fromSize, String fromSha256, String toType, Long toSize,
                         String toSha256) {
    }

    public static Result compare(NavigableMap<String, UnionEntry> from, NavigableMap<String, UnionEntry> to, int limit) {
        Acc added = new Acc(limit);
        Acc removed = new Acc(limit);
        Acc changed = new Acc(limit);
        Iterator<Map.Entry<String, UnionEntry>> a = from.entrySet().iterator();
        Iterator<Map.Entry<String, UnionEntry>> b = to.entrySet().iterator();
        Map.Entry<String, UnionEntry> x = next(a);
        Map.Entry<String, UnionEntry> y = next(b);
        while (x != null || y != null) {
            int c = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
            if (c < 0) {
                removed.add(x.getKey(), x.getValue().entry(), null, fileBytes(x.getValue().entry()));
                x = next(a);
            } else if (c > 0) {
                added.add(y.getKey(), null, y.getValue().entry(), fileBytes(y.getValue().entry()));
                y = next(b);
            } else {
                LayerEntry before = x.getValue().entry();
                LayerEntry after = y.getValue().entry();
                if (!sameContent(before, after)) {
                    changed.add(x.getKey(), before, after, fileBytes(after));
                }
                x = next(a);
                y = next(b);
            }
        }
        return new Result(added.count, added.bytes, removed.count, removed.bytes, changed.count, changed.bytes,
                added.paths, removed.paths, changed.paths);
    }

    static boolean sameContent(LayerEntry a, LayerEntry b) {
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case DIRECTORY -> true;
            case FILE -> Objects.equals(a.sha256(), b.sha256()) && a.size() == b.size();
            default -> Objects.equals(a.linkTarget(), b.linkTarget());
        };
    }

    private static long fileBytes(LayerEntry e) {
        return e.type() == EntryType.FILE ? e.size() : 0;
    }

    private static Map.Entry<String, UnionEntry> next(Iterator<Map.Entry<String, UnionEntry>> it) {
        return it.hasNext() ? it.next() : null;
    }

    private static final class Acc {
        private final int limit;
        private final List<Change> paths = new ArrayList<>();
        private int count;
        private long bytes;

        Acc(int limit) {
            this.limit = limit;
        }

        void add(String path, LayerEntry before, LayerEntry after, long size) {
            count++;
            bytes += size;
            if (paths.size() < limit) {
                paths.add(new Change(path, type(before), size(before), sha(before), type(after), size(after),
                        sha(after)));
            }
        }

        private static String type(LayerEntry e) {
            return e == null ? null : e.type().name().toLowerCase(java.util.Locale.ROOT);
        }

        private static Long size(LayerEntry e) {
            return e == null || e.type() != EntryType.FILE ? null : e.size();
        }

        private static String sha(LayerEntry e) {
            return e == null || e.sha256() == null ? null : e.sha256().toString();
        }
    }
}
