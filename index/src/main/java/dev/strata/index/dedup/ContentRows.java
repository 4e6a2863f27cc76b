package dev.strata.index.dedup;

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
     * Groups the rows by content and returns the totals and the {@code limit} groups saving the most bytes (ties
     * by key). Savings of a content = size × (distinct layers − 1): what one common layer holding it would save;
     * copies at several paths of one layer are not counted here.
     *
     * <p>One primitive sort: each row becomes a long holding the high bits of its key above its row number,
     * so rows with equal key prefixes end up adjacent; each such run (a few rows) is then split by full key
     * and its layers counted.
     */
    public Groups groupSharedAcrossLayers(int limit) {
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1)));
        long rowMask = (1L << bits) - 1;
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            packed[i] = (keys[i] & ~rowMask) | i;
        }
        java.util.Arrays.sort(packed);
        Comparator<Group> bySaving = Comparator.comparingLong(Group::savedBytes).thenComparing(
                Group::key, Comparator.reverseOrder());
        PriorityQueue<Group> top = new PriorityQueue<>(bySaving);
        long[] totals = new long[4]; // contents, copies, stored, saved
        int[] run = new int[16];
        int i = 0;
        while (i < count) {
            long prefix = packed[i] & ~rowMask;
            int n = 0;
            while (i < count && (packed[i] & ~rowMask) == prefix) {
                if (n == run.length) {
                    run = Arrays.copyOf(run, n * 2);
                }
                run[n++] = (int) (packed[i] & rowMask);
                i++;
            }
            if (n > 1) {
                groupRun(run, n, limit, top, totals, bySaving);
            }
        }
        List<Group> ranked = new ArrayList<>(top);
        ranked.sort(bySaving.reversed());
        return new Groups(totals[0], totals[1], totals[2], totals[3], ranked);
    }

    /** Splits one run of rows sharing a key prefix by full key, counting each content's distinct layers. */
    private void groupRun(int[] run, int n, int limit, PriorityQueue<Group> top, long[] totals,
                          Comparator<Group> bySaving) {
        Integer[] rows = new Integer[n];
        for (int k = 0; k < n; k++) {
            rows[k] = run[k];
        }
        Arrays.sort(rows, (a, b) -> {
            int c = Long.compare(keys[a], keys[b]);
            return c != 0 ? c : Integer.compare(layers[a], layers[b]);
        });
        int k = 0;
        while (k < n) {
            int start = k;
            long key = keys[rows[k]];
            long size = sizes[rows[k]];
            int distinct = 1;
            k++;
            while (k < n && keys[rows[k]] == key) {
                if (layers[rows[k]] != layers[rows[k - 1]]) {
                    distinct++;
                }
                size = Math.max(size, sizes[rows[k]]);
                k++;
            }
            if (distinct < 2) {
                continue;
            }
            int copies = k - start;
            long saved = size * (distinct - 1);
            totals[0]++;
            totals[1] += copies;
            totals[2] += size * copies;
            totals[3] += saved;
            if (limit > 0 && (top.size() < limit || bySaving.compare(
                    new Group(key, size, copies, distinct, saved, null), top.peek()) > 0)) {
                int[] ids = new int[copies];
                for (int c = 0; c < copies; c++) {
                    ids[c] = rowIds[rows[start + c]];
                }
                top.add(new Group(key, size, copies, distinct, saved, ids));
                if (top.size() > limit) {
                    top.poll();
                }
            }
        }
    }
}
