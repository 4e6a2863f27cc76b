package dev.strata.scanner.efficiency;

import dev.strata.scanner.efficiency.ImageEfficiency.DuplicateContent;
import dev.strata.scanner.efficiency.ImageEfficiency.LayerEfficiency;
import dev.strata.scanner.efficiency.ImageEfficiency.Location;
import dev.strata.scanner.efficiency.ImageEfficiency.WastedPath;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes an {@link ImageEfficiency} from an image's layers (definitions on that record). Pure.
 *
 * <p>The layers are stacked as {@link dev.strata.scanner.union.UnionFilesystem} does (whiteouts of a layer first,
 * then its entries in tar order; a whiteout deletes a lower path and its subtree, an opaque whiteout the lower
 * subtree, a non-directory replacing a directory the subtree present at that moment), but path by path: the
 * layers, each already sorted by path, are merged, and each path's history — its own entries and the deletions of
 * its ancestors, in (layer, whiteouts-then-entries, tar position) order — is replayed on its own. A deletion of a
 * subtree is keyed {@code dir + "/"}, which sorts just before the subtree's paths, so a stack of the active
 * deletions is all the state the walk needs besides the final entries. No map of every path is built.
 */
public final class EfficiencyCalculator {
    private static final long PUT = 1L << 32;

    private EfficiencyCalculator() {
    }

    /** The efficiency of {@code layers} (lowest first), listing at most {@code limit} wasted paths and duplicates. */
    public static ImageEfficiency compute(List<EfficiencyLayer> layers, int limit) {
        return computeTables(layers.stream().map(LayerTable::of).toList(), limit);
    }

    /** As {@link #compute}, from layers given as columns. */
    public static ImageEfficiency computeTables(List<LayerTable> layers, int limit) {
        return new Run(layers).result(limit);
    }

    /** A removal of a lower file: (layer, row) of the file, the layer that removed it and how. */
    private record Removal(int layer, int row, int by, boolean deleted) {
    }

    private static final class Run {
        private final List<LayerTable> layers;
        private final int n;
        private final int[] added;
        private final long[] addedBytes;
        private final int[] modified;
        private final long[] modifiedBytes;
        private final int[] deleted;
        private final long[] deletedBytes;
        private final long[] layerWaste;
        private final List<Removal> removals = new ArrayList<>();
        /** Final entries in path order, as layer << 32 | row. */
        private long[] finals = new long[1024];
        private int finalCount;
        /** Subtree deletions not yet reached, by {@code dir + "/"}: their times. */
        private final TreeMap<String, long[]> pending = new TreeMap<>(LayerTable::compareCodePoints);
        private final List<String> activePrefixes = new ArrayList<>();
        private final List<long[]> activeTimes = new ArrayList<>();

        Run(List<LayerTable> layers) {
            this.layers = layers;
            this.n = layers.size();
            added = new int[n];
            addedBytes = new long[n];
            modified = new int[n];
            modifiedBytes = new long[n];
            deleted = new int[n];
            deletedBytes = new long[n];
            layerWaste = new long[n];
            walk();
        }

        // ------------------------------------------------------------ the merge of all layers by path

        private void walk() {
            int[] cursor = new int[n];
            int[] heap = new int[n];
            int size = 0;
            for (int l = 0; l < n; l++) {
                if (layers.get(l).rows() > 0) {
                    heap[size++] = l;
                    siftUp(heap, size - 1, cursor);
                }
            }
            long[] group = new long[16];
            while (size > 0) {
                String path = head(heap[0], cursor);
                int count = 0;
                while (size > 0 && head(heap[0], cursor).equals(path)) {
                    int l = heap[0];
                    LayerTable t = layers.get(l);
                    while (cursor[l] < t.rows() && t.path(t.rowByPath(cursor[l])).equals(path)) {
                        if (count == group.length) {
                            group = Arrays.copyOf(group, count * 2);
                        }
                        group[count++] = ((long) l << 32) | t.rowByPath(cursor[l]);
                        cursor[l]++;
                    }
                    if (cursor[l] < t.rows()) {
                        siftDown(heap, size, 0, cursor);
                    } else {
                        heap[0] = heap[--size];
                        siftDown(heap, size, 0, cursor);
                    }
                }
                path(path, group, count);
            }
        }

        private String head(int layer, int[] cursor) {
            LayerTable t = layers.get(layer);
            return t.path(t.rowByPath(cursor[layer]));
        }

        private boolean less(int a, int b, int[] cursor) {
            int c = LayerTable.compareCodePoints(head(a, cursor), head(b, cursor));
            return c < 0 || (c == 0 && a < b);
        }

        private void siftUp(int[] heap, int i, int[] cursor) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!less(heap[i], heap[parent], cursor)) {
                    return;
                }
                int x = heap[i];
                heap[i] = heap[parent];
                heap[parent] = x;
                i = parent;
            }
        }

        private void siftDown(int[] heap, int size, int i, int[] cursor) {
            while (true) {
                int smallest = i;
                int left = 2 * i + 1;
                int right = left + 1;
                if (left < size && less(heap[left], heap[smallest], cursor)) {
                    smallest = left;
                }
                if (right < size && less(heap[right], heap[smallest], cursor)) {
                    smallest = right;
                }
                if (smallest == i) {
                    return;
                }
                int x = heap[i];
                heap[i] = heap[smallest];
                heap[smallest] = x;
                i = smallest;
            }
        }

        // ------------------------------------------------------------ one path's history

        /** Replays the history of {@code path}: its entries (layer << 32 | row, ascending) and its ancestors' deletions. */
        private void path(String path, long[] group, int count) {
            while (!activePrefixes.isEmpty() && !path.startsWith(activePrefixes.get(activePrefixes.size() - 1))) {
                activePrefixes.remove(activePrefixes.size() - 1);
                activeTimes.remove(activeTimes.size() - 1);
            }
            while (!pending.isEmpty() && LayerTable.compareCodePoints(pending.firstKey(), path) <= 0) {
                Map.Entry<String, long[]> next = pending.pollFirstEntry();
                if (path.startsWith(next.getKey())) {
                    activePrefixes.add(next.getKey());
                    activeTimes.add(next.getValue());
                } // else no path below it is left
            }
            // events: time (layer << 33 | phase << 32 | row) and what (group index, or -1 for an ancestor's deletion)
            int ancestors = 0;
            for (long[] times : activeTimes) {
                ancestors += times.length;
            }
            boolean whiteouts = false;
            for (int g = 0; g < count && !whiteouts; g++) {
                whiteouts = typeOf(group[g]).isWhiteout();
            }
            long[] times = new long[count + ancestors];
            int[] what = new int[count + ancestors];
            for (int g = 0; g < count; g++) {
                int layer = (int) (group[g] >>> 32);
                int row = (int) group[g];
                boolean isWhiteout = typeOf(group[g]).isWhiteout();
                times[g] = ((long) layer << 33) | (isWhiteout ? 0 : PUT) | row;
                what[g] = g;
            }
            int e = count;
            for (long[] list : activeTimes) {
                for (long t : list) {
                    times[e] = t;
                    what[e++] = -1;
                }
            }
            if (whiteouts || ancestors > 0) {
                sortByTime(times, what);
            }
            int curLayer = -1;
            int curRow = -1;
            for (int k = 0; k < times.length; k++) {
                int layer = (int) (times[k] >>> 33);
                EntryType type = what[k] < 0 ? null : typeOf(group[what[k]]);
                if (type == null || type.isWhiteout()) {
                    // an opaque whiteout keeps its own directory (only the root has itself in its subtree)
                    boolean self = type != EntryType.OPAQUE_WHITEOUT || path.endsWith("/");
                    if (self && curLayer >= 0) {
                        LayerTable cur = layers.get(curLayer);
                        deleted[layer]++;
                        deletedBytes[layer] += fileBytes(cur, curRow);
                        removed(curLayer, curRow, layer, true);
                        curLayer = -1;
                    }
                    if (type != null) {
                        subtreeDeleted(path, times[k]); // a whiteout (and an opaque one) hides the lower subtree
                    }
                    continue;
                }
                int row = (int) group[what[k]];
                LayerTable table = layers.get(layer);
                if (curLayer < 0) {
                    added[layer]++;
                    addedBytes[layer] += fileBytes(table, row);
                } else {
                    LayerTable cur = layers.get(curLayer);
                    EntryType was = cur.type(curRow);
                    removed(curLayer, curRow, layer, false);
                    if (was == EntryType.DIRECTORY && type != EntryType.DIRECTORY) {
                        subtreeDeleted(path, times[k]); // a file replacing a directory hides what is below it now
                    }
                    boolean sameLayer = curLayer == layer;
                    boolean sameDirectory = was == EntryType.DIRECTORY && type == EntryType.DIRECTORY
                            && cur.mode(curRow) == table.mode(row) && cur.uid(curRow) == table.uid(row)
                            && cur.gid(curRow) == table.gid(row);
                    if (!sameLayer && !sameDirectory) {
                        modified[layer]++;
                        modifiedBytes[layer] += fileBytes(table, row);
                    }
                }
                curLayer = layer;
                curRow = row;
            }
            if (curLayer >= 0) {
                if (finalCount == finals.length) {
                    finals = Arrays.copyOf(finals, finalCount * 2);
                }
                finals[finalCount++] = ((long) curLayer << 32) | curRow;
            }
        }

        private EntryType typeOf(long layerRow) {
            return layers.get((int) (layerRow >>> 32)).type((int) layerRow);
        }

        private void subtreeDeleted(String path, long time) {
            String prefix = path.endsWith("/") ? path : path + "/";
            long[] times = pending.get(prefix);
            if (times == null) {
                pending.put(prefix, new long[] {time});
            } else {
                long[] more = Arrays.copyOf(times, times.length + 1);
                more[times.length] = time;
                pending.put(prefix, more);
            }
        }

        private void removed(int layer, int row, int by, boolean deletion) {
            LayerTable t = layers.get(layer);
            if (t.type(row) == EntryType.FILE) {
                removals.add(new Removal(layer, row, by, deletion));
                layerWaste[layer] += t.entrySize(row);
            }
        }

        private static void sortByTime(long[] times, int[] what) {
            for (int i = 1; i < times.length; i++) {
                long t = times[i];
                int w = what[i];
                int j = i - 1;
                while (j >= 0 && times[j] > t) {
                    times[j + 1] = times[j];
                    what[j + 1] = what[j];
                    j--;
                }
                times[j + 1] = t;
                what[j + 1] = w;
            }
        }

        private static long fileBytes(LayerTable t, int row) {
            return t.type(row) == EntryType.FILE ? t.entrySize(row) : 0;
        }

        // ------------------------------------------------------------ the report

        ImageEfficiency result(int limit) {
            long layerBytes = 0;
            long layerFileBytes = 0;
            long[] fileBytes = new long[n];
            int[] whiteoutCount = new int[n];
            int[] opaqueCount = new int[n];
            for (int l = 0; l < n; l++) {
                LayerTable t = layers.get(l);
                layerBytes += t.size();
                for (int row = 0; row < t.rows(); row++) {
                    EntryType type = t.type(row);
                    if (type == EntryType.FILE) {
                        fileBytes[l] += t.entrySize(row);
                    } else if (type == EntryType.WHITEOUT) {
                        whiteoutCount[l]++;
                    } else if (type == EntryType.OPAQUE_WHITEOUT) {
                        opaqueCount[l]++;
                    }
                }
                layerFileBytes += fileBytes[l];
            }
            long finalFileBytes = 0;
            for (int i = 0; i < finalCount; i++) {
                finalFileBytes += fileBytes(layers.get((int) (finals[i] >>> 32)), (int) finals[i]);
            }
            long removedBytes = 0;
            for (Removal r : removals) {
                removedBytes += layers.get(r.layer()).entrySize(r.row());
            }
            Duplicates duplicates = duplicates();
            List<LayerEfficiency> perLayer = new ArrayList<>(n);
            for (int l = 0; l < n; l++) {
                LayerTable t = layers.get(l);
                perLayer.add(new LayerEfficiency(l, t.diffId(), t.size(), fileBytes[l], added[l], addedBytes[l],
                        modified[l], modifiedBytes[l], deleted[l], deletedBytes[l], whiteoutCount[l], opaqueCount[l],
                        layerWaste[l]));
            }
            double efficiency = layerFileBytes == 0 ? 1.0 : (double) finalFileBytes / layerFileBytes;
            return new ImageEfficiency(layerBytes, layerFileBytes, finalFileBytes, removedBytes,
                    duplicates.crossLayer, removedBytes + duplicates.crossLayer, efficiency, perLayer, removals.size(),
                    topWasted(limit), duplicates.list.size(), duplicates.bytes, first(duplicates.list, limit));
        }

        private List<WastedPath> topWasted(int limit) {
            Comparator<Removal> largest = Comparator.<Removal>comparingLong(r -> -layers.get(r.layer()).entrySize(r.row()))
                    .thenComparing(r -> layers.get(r.layer()).path(r.row()))
                    .thenComparingInt(Removal::layer);
            List<Removal> sorted = new ArrayList<>(removals);
            sorted.sort(largest); // stable: ties stay in the order they were removed
            List<WastedPath> top = new ArrayList<>();
            for (Removal r : first(sorted, limit)) {
                LayerTable t = layers.get(r.layer());
                top.add(new WastedPath(t.path(r.row()), t.entrySize(r.row()), t.digestText(r.row()), r.layer(), r.by(),
                        r.deleted() ? "deleted" : "overwritten"));
            }
            return top;
        }

        private record Duplicates(List<DuplicateContent> list, long crossLayer, long bytes) {
        }

        /** Final regular files (non-empty, with content) grouped by content: groups of two or more. */
        private Duplicates duplicates() {
            long[] keys = new long[finalCount];
            int m = 0;
            for (int i = 0; i < finalCount; i++) {
                LayerTable t = layers.get((int) (finals[i] >>> 32));
                int row = (int) finals[i];
                if (t.type(row) == EntryType.FILE && t.hasContent(row) && t.entrySize(row) > 0) {
                    keys[m++] = t.contentKey(row);
                }
            }
            long[] sorted = Arrays.copyOf(keys, m);
            Arrays.sort(sorted);
            int shared = 0; // distinct keys held by two or more files, compacted to the front of sorted
            for (int i = 1; i < m; i++) {
                if (sorted[i] == sorted[i - 1] && (shared == 0 || sorted[shared - 1] != sorted[i])) {
                    sorted[shared++] = sorted[i];
                }
            }
            // (index of the shared key << 32 | position in finals): sorted, each group is contiguous in path order
            long[] members = new long[16];
            int memberCount = 0;
            for (int i = 0; shared > 0 && i < finalCount; i++) {
                LayerTable t = layers.get((int) (finals[i] >>> 32));
                int row = (int) finals[i];
                if (t.type(row) == EntryType.FILE && t.hasContent(row) && t.entrySize(row) > 0) {
                    int key = Arrays.binarySearch(sorted, 0, shared, t.contentKey(row));
                    if (key >= 0) {
                        if (memberCount == members.length) {
                            members = Arrays.copyOf(members, memberCount * 2);
                        }
                        members[memberCount++] = ((long) key << 32) | i;
                    }
                }
            }
            Arrays.sort(members, 0, memberCount);
            List<List<Long>> groups = new ArrayList<>(shared);
            for (int i = 0; i < memberCount; i++) {
                if (i == 0 || (members[i] >>> 32) != (members[i - 1] >>> 32)) {
                    groups.add(new ArrayList<>());
                }
                groups.get(groups.size() - 1).add(finals[(int) members[i]]);
            }
            long crossLayer = 0;
            long duplicateBytes = 0;
            List<DuplicateContent> list = new ArrayList<>();
            for (List<Long> sameKey : groups) {
                for (List<Long> copies : byFullDigest(sameKey)) {
                    if (copies.size() < 2) {
                        continue;
                    }
                    long first = copies.get(0);
                    LayerTable firstTable = layers.get((int) (first >>> 32));
                    long size = firstTable.entrySize((int) first);
                    String sha = firstTable.digestText((int) first);
                    copies.sort(Comparator.<Long>comparingInt(c -> (int) (c >>> 32))
                            .thenComparing(c -> layers.get((int) (c >>> 32)).path((int) (long) c)));
                    int distinct = 0;
                    int previous = -1;
                    List<Location> locations = new ArrayList<>(copies.size());
                    for (long copy : copies) {
                        int layer = (int) (copy >>> 32);
                        if (layer != previous) {
                            if (previous >= 0) {
                                layerWaste[layer] += size; // a copy of content a lower layer already holds
                            }
                            distinct++;
                            previous = layer;
                        }
                        locations.add(new Location(layers.get(layer).path((int) copy), layer));
                    }
                    crossLayer += size * (distinct - 1);
                    duplicateBytes += size * (copies.size() - 1);
                    list.add(new DuplicateContent(sha, size, copies.size(), distinct, size * (copies.size() - 1),
                            locations));
                }
            }
            list.sort(Comparator.comparingLong(DuplicateContent::duplicateBytes).reversed()
                    .thenComparing(DuplicateContent::sha256));
            return new Duplicates(list, crossLayer, duplicateBytes);
        }

        /** Splits entries sharing a content key by their full digest where the layers carry it (in path order). */
        private List<List<Long>> byFullDigest(List<Long> sameKey) {
            boolean anyDigest = false;
            for (long c : sameKey) {
                anyDigest |= layers.get((int) (c >>> 32)).sha256((int) c) != null;
            }
            if (!anyDigest) {
                return List.of(sameKey); // stand-ins only (read from the index): the key is the identity
            }
            Map<Object, List<Long>> split = new LinkedHashMap<>();
            for (long c : sameKey) {
                Digest full = layers.get((int) (c >>> 32)).sha256((int) c);
                split.computeIfAbsent(full == null ? "key" : full, k -> new ArrayList<>()).add(c);
            }
            return new ArrayList<>(split.values());
        }
    }

    private static <T> List<T> first(List<T> list, int limit) {
        return list.size() <= limit ? list : list.subList(0, Math.max(0, limit));
    }
}
