package dev.strata.index.dedup;

import org.apache.lucene.util.IntroSorter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Columns of (content key, size, layer number, row id) for regular files, grouped by content to find
 * content stored in more than one distinct layer. Primitive arrays, 24 bytes a row, so millions of file
 * documents aggregate in a bounded heap without one object per file. Not thread-safe.
 */
public final class ContentRows {
    private long[] keys;
    private long[] sizes;
    private int[] layers;
    private int[] rowIds;
    private int count;

    /** Empty columns with room for {@code expected} rows (they grow if more are added). */
    public ContentRows(int expected) {
        int n = Math.max(16, expected);
        keys = new long[n];
        sizes = new long[n];
        layers = new int[n];
        rowIds = new int[n];
    }

    /** Adds one file: its content key, size in bytes, layer number and an id the caller resolves later. */
    public void add(long key, long size, int layer, int rowId) {
        if (count == keys.length) {
            int n = count + (count >> 1) + 16;
            keys = Arrays.copyOf(keys, n);
            sizes = Arrays.copyOf(sizes, n);
            layers = Arrays.copyOf(layers, n);
            rowIds = Arrays.copyOf(rowIds, n);
        }
        keys[count] = key;
        sizes[count] = size;
        layers[count] = layer;
        rowIds[count] = rowId;
        count++;
    }

    public int size() {
        return count;
    }

    /** A content stored in {@code layerCount} distinct layers: the row ids of its copies and the bytes saved by storing it once. */
    public record Group(long key, long size, int copies, int layerCount, long savedBytes, int[] rowIds) {
    }

    /** Totals over every content found in more than one distinct layer, and the largest groups. */
    public record Groups(long contents, long copies, long storedBytes, long savedBytes, List<Group> top) {
    }

    /**
     * Sorts the rows by (key, layer) and returns the totals and the {@code limit} groups saving the most bytes
     * (ties by key). Savings of a content = size × (distinct layers − 1): what one common layer holding it
     * would save; copies at several paths of one layer are not counted here.
     */
    public Groups groupSharedAcrossLayers(int limit) {
        sort();
        Comparator<Group> bySaving = Comparator.comparingLong(Group::savedBytes).thenComparing(
                Group::key, Comparator.reverseOrder());
        PriorityQueue<Group> top = new PriorityQueue<>(bySaving);
        long contents = 0;
        long copies = 0;
        long stored = 0;
        long saved = 0;
        int i = 0;
        while (i < count) {
            int start = i;
            long key = keys[i];
            long size = sizes[i];
            int distinct = 1;
            i++;
            while (i < count && keys[i] == key) {
                if (layers[i] != layers[i - 1]) {
                    distinct++;
                }
                size = Math.max(size, sizes[i]);
                i++;
            }
            if (distinct < 2) {
                continue;
            }
            int n = i - start;
            long groupSaved = size * (distinct - 1);
            contents++;
            copies += n;
            stored += size * n;
            saved += groupSaved;
            if (limit > 0 && (top.size() < limit || groupSaved > top.peek().savedBytes())) {
                top.add(new Group(key, size, n, distinct, groupSaved, Arrays.copyOfRange(rowIds, start, i)));
                if (top.size() > limit) {
                    top.poll();
                }
            }
        }
        List<Group> ranked = new ArrayList<>(top);
        ranked.sort(bySaving.reversed());
        return new Groups(contents, copies, stored, saved, ranked);
    }

    private void sort() {
        new IntroSorter() {
            private long pivotKey;
            private int pivotLayer;

            @Override
            protected void swap(int a, int b) {
                long k = keys[a];
                keys[a] = keys[b];
                keys[b] = k;
                long s = sizes[a];
                sizes[a] = sizes[b];
                sizes[b] = s;
                int l = layers[a];
                layers[a] = layers[b];
                layers[b] = l;
                int r = rowIds[a];
                rowIds[a] = rowIds[b];
                rowIds[b] = r;
            }

            @Override
            protected void setPivot(int i) {
                pivotKey = keys[i];
                pivotLayer = layers[i];
            }

            @Override
            protected int comparePivot(int j) {
                int c = Long.compare(pivotKey, keys[j]);
                return c != 0 ? c : Integer.compare(pivotLayer, layers[j]);
            }

            @Override
            protected int compare(int a, int b) {
                int c = Long.compare(keys[a], keys[b]);
                return c != 0 ? c : Integer.compare(layers[a], layers[b]);
            }
        }.sort(0, count);
    }
}
