package dev.strata.index;

import dev.strata.scanner.efficiency.LayerTable;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.strata.index.IndexSchema.*;

/** Rebuilds {@link LayerEntry} values of file documents from doc values only (no stored-field decoding). */
final class FileDocReader {
    /** One file document read back: its position in its layer and the entry. */
    record Row(long ordinal, FileHit hit) {
    }

    private FileDocReader() {
    }

    /** Reads the given top-level doc ids; the result is in the same order as {@code docIds}. */
    static List<Row> read(IndexReader reader, int[] docIds) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        // sort (doc, position) so each leaf is read once with forward-only doc-values cursors
        long[] order = new long[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            order[i] = ((long) docIds[i] << 32) | i;
        }
        Arrays.sort(order);
        Row[] rows = new Row[docIds.length];
        int i = 0;
        while (i < order.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex((int) (order[i] >>> 32), leaves));
            int leafEnd = leaf.docBase + leaf.reader().maxDoc();
            int from = i;
            while (i < order.length && (int) (order[i] >>> 32) < leafEnd) {
                i++;
            }
            int[] docs = new int[i - from];
            for (int k = 0; k < docs.length; k++) {
                docs[k] = (int) (order[from + k] >>> 32) - leaf.docBase;
            }
            List<Row> leafRows = new ArrayList<>(docs.length);
            readLeaf(leaf.reader(), docs, docs.length, leafRows, false);
            for (int k = 0; k < docs.length; k++) {
                rows[(int) order[from + k]] = leafRows.get(k);
            }
        }
        return Arrays.asList(rows);
    }

    /**
     * Reads {@code count} ascending doc ids of one segment and appends their rows in that order. Doc values
     * are read column by column; ordinals of the sorted (terms-dictionary) columns are resolved in ascending
     * ord order so each compressed terms block is decoded once, not once per document.
     */
    static void readLeaf(LeafReader leaf, int[] docs, int count, List<Row> out) throws IOException {
        readLeaf(leaf, docs, count, out, false);
    }

    /**
     * As {@link #readLeaf(LeafReader, int[], int, List)}; with {@code contentKeys} a regular file's sha256 is the
     * stand-in {@link #keyDigest} of its {@link IndexSchema#CONTENT_KEY} and the sha256 terms are not decoded.
     */
    static void readLeaf(LeafReader leaf, int[] docs, int count, List<Row> out, boolean contentKeys)
            throws IOException {
        int[] layerOrds = ords(DocValues.getSorted(leaf, LAYER), docs, count);
        int[] pathOrds = ords(DocValues.getSorted(leaf, PATH), docs, count);
        int[] typeOrds = ords(DocValues.getSorted(leaf, TYPE), docs, count);
        int[] shaOrds = contentKeys ? null : ords(DocValues.getSorted(leaf, SHA256), docs, count);
        long[] keys = contentKeys ? present(DocValues.getNumeric(leaf, CONTENT_KEY), docs, count) : null;
        long[] ordinal = longs(DocValues.getNumeric(leaf, ORDINAL), docs, count);
        long[] size = longs(DocValues.getNumeric(leaf, SIZE), docs, count);
        long[] mode = longs(DocValues.getNumeric(leaf, MODE), docs, count);
        long[] uid = longs(DocValues.getNumeric(leaf, UID), docs, count);
        long[] gid = longs(DocValues.getNumeric(leaf, GID), docs, count);
        long[] mtime = longs(DocValues.getNumeric(leaf, MTIME), docs, count);
        String[] links = binaries(DocValues.getBinary(leaf, LINK), docs, count);
        OrdLookup layers = new OrdLookup(DocValues.getSorted(leaf, LAYER), layerOrds);
        OrdLookup paths = new OrdLookup(DocValues.getSorted(leaf, PATH), pathOrds);
        OrdLookup types = new OrdLookup(DocValues.getSorted(leaf, TYPE), typeOrds);
        OrdLookup hashes = contentKeys ? null : new OrdLookup(DocValues.getSorted(leaf, SHA256), shaOrds);
        Map<Integer, Digest> layerDigests = new HashMap<>();
        Map<Integer, EntryType> entryTypes = new HashMap<>();
        for (int k = 0; k < count; k++) {
            Digest diffId = layerOrds[k] < 0 ? null
                    : layerDigests.computeIfAbsent(layerOrds[k], ord -> Digest.parse(layers.get(ord)));
            EntryType type = typeOrds[k] < 0 ? null
                    : entryTypes.computeIfAbsent(typeOrds[k], ord -> EntryType.valueOf(types.get(ord)));
            Digest sha256;
            if (contentKeys) {
                sha256 = keys[2 * k] == 0 ? null : keyDigest(keys[2 * k + 1]);
            } else {
                sha256 = shaOrds[k] < 0 ? null : Digest.parse(hashes.get(shaOrds[k]));
            }
            LayerEntry entry = new LayerEntry(paths.get(pathOrds[k]), type, size[k], (int) mode[k], uid[k], gid[k],
                    mtime[k], links[k], sha256);
            out.add(new Row(ordinal[k], new FileHit(entry, diffId)));
        }
    }

    /**
     * Reads {@code count} ascending doc ids of one segment — one layer's file documents — as a {@link LayerTable}
     * (rows in tar order): only the columns the efficiency calculation uses, each path term decoded once in term
     * order (which is also the table's path order), content identified by {@link IndexSchema#CONTENT_KEY}.
     */
    static LayerTable readTable(LeafReader leaf, int[] docs, int count, String diffId, long layerSize)
            throws IOException {
        String[] paths = new String[count];
        int[] byPath = new int[count];
        SortedDocValues pathValues = DocValues.getSorted(leaf, PATH);
        long[] ordRows = new long[count];
        for (int k = 0; k < count; k++) {
            if (!pathValues.advanceExact(docs[k])) {
                throw new IOException("file document without a path in layer " + diffId);
            }
            ordRows[k] = ((long) pathValues.ordValue() << 32) | k;
        }
        Arrays.sort(ordRows); // term order = UTF-8 byte order = the code-point order LayerTable wants; ties in doc order
        int previousOrd = -1;
        String previous = null;
        for (int i = 0; i < count; i++) {
            int ord = (int) (ordRows[i] >>> 32);
            int row = (int) ordRows[i];
            if (ord != previousOrd) {
                previous = pathValues.lookupOrd(ord).utf8ToString();
                previousOrd = ord;
            }
            paths[row] = previous;
            byPath[i] = row;
        }
        SortedDocValues typeValues = DocValues.getSorted(leaf, TYPE);
        EntryType[] typeOfOrd = new EntryType[typeValues.getValueCount()];
        EntryType[] types = new EntryType[count];
        for (int k = 0; k < count; k++) {
            if (!typeValues.advanceExact(docs[k])) {
                throw new IOException("file document without a type in layer " + diffId);
            }
            int ord = typeValues.ordValue();
            if (typeOfOrd[ord] == null) {
                typeOfOrd[ord] = EntryType.valueOf(typeValues.lookupOrd(ord).utf8ToString());
            }
            types[k] = typeOfOrd[ord];
        }
        long[] sizes = longs(DocValues.getNumeric(leaf, SIZE), docs, count);
        long[] modeValues = longs(DocValues.getNumeric(leaf, MODE), docs, count);
        int[] modes = new int[count];
        for (int k = 0; k < count; k++) {
            modes[k] = (int) modeValues[k];
        }
        long[] uids = longs(DocValues.getNumeric(leaf, UID), docs, count);
        long[] gids = longs(DocValues.getNumeric(leaf, GID), docs, count);
        long[] keys = new long[count];
        boolean[] hasContent = new boolean[count];
        NumericDocValues keyValues = DocValues.getNumeric(leaf, CONTENT_KEY);
        for (int k = 0; k < count; k++) {
            if (keyValues.advanceExact(docs[k])) {
                hasContent[k] = true;
                keys[k] = keyValues.longValue();
            }
        }
        long[] ordinal = longs(DocValues.getNumeric(leaf, ORDINAL), docs, count);
        int[] tar = tarOrder(ordinal, count);
        if (tar != null) {
            // doc order is not tar order (never so for a layer added as one block): move every row to its tar position
            int[] position = new int[count];
            for (int k = 0; k < count; k++) {
                position[tar[k]] = k;
            }
            paths = permute(paths, tar, new String[count]);
            types = permute(types, tar, new EntryType[count]);
            long[][] numbers = {sizes, uids, gids, keys};
            for (int c = 0; c < numbers.length; c++) {
                long[] moved = new long[count];
                for (int k = 0; k < count; k++) {
                    moved[k] = numbers[c][tar[k]];
                }
                numbers[c] = moved;
            }
            sizes = numbers[0];
            uids = numbers[1];
            gids = numbers[2];
            keys = numbers[3];
            int[] movedModes = new int[count];
            boolean[] movedContent = new boolean[count];
            for (int k = 0; k < count; k++) {
                movedModes[k] = modes[tar[k]];
                movedContent[k] = hasContent[tar[k]];
            }
            modes = movedModes;
            hasContent = movedContent;
            // path order with ties in tar order again
            for (int i = 0; i < count; i++) {
                ordRows[i] = (ordRows[i] & 0xFFFF_FFFF_0000_0000L) | position[(int) ordRows[i]];
            }
            Arrays.sort(ordRows);
            for (int i = 0; i < count; i++) {
                byPath[i] = (int) ordRows[i];
            }
        }
        return new LayerTable(diffId, layerSize, paths, types, sizes, modes, uids, gids, keys, hasContent, null,
                byPath);
    }

    private static <T> T[] permute(T[] values, int[] order, T[] into) {
        for (int k = 0; k < values.length; k++) {
            into[k] = values[order[k]];
        }
        return into;
    }

    /** The doc positions in ascending {@code ordinal}, or null when it already ascends (the usual case). */
    private static int[] tarOrder(long[] ordinal, int count) {
        boolean ascending = true;
        for (int k = 1; k < count && ascending; k++) {
            ascending = ordinal[k - 1] < ordinal[k];
        }
        if (ascending) {
            return null;
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ordinal[a], ordinal[b]));
        int[] result = new int[count];
        for (int k = 0; k < count; k++) {
            result[k] = order[k];
        }
        return result;
    }

    private static int[] ords(SortedDocValues values, int[] docs, int count) throws IOException {
        int[] ords = new int[count];
        for (int k = 0; k < count; k++) {
            ords[k] = values.advanceExact(docs[k]) ? values.ordValue() : -1;
        }
        return ords;
    }

    /** The stand-in digest of a content key: its 16 hex digits followed by 48 zeros (identity only, not the content hash). */
    static Digest keyDigest(long key) {
        StringBuilder hex = new StringBuilder(64);
        String k = Long.toHexString(key);
        hex.append("0".repeat(16 - k.length())).append(k).append("0".repeat(48));
        return new Digest("sha256", hex.toString());
    }

    /** Pairs (1 if present else 0, value) per doc. */
    private static long[] present(NumericDocValues values, int[] docs, int count) throws IOException {
        long[] result = new long[2 * count];
        for (int k = 0; k < count; k++) {
            if (values.advanceExact(docs[k])) {
                result[2 * k] = 1;
                result[2 * k + 1] = values.longValue();
            }
        }
        return result;
    }

    private static long[] longs(NumericDocValues values, int[] docs, int count) throws IOException {
        long[] result = new long[count];
        for (int k = 0; k < count; k++) {
            result[k] = values.advanceExact(docs[k]) ? values.longValue() : 0L;
        }
        return result;
    }

    private static String[] binaries(BinaryDocValues values, int[] docs, int count) throws IOException {
        String[] result = new String[count];
        for (int k = 0; k < count; k++) {
            result[k] = values.advanceExact(docs[k]) ? values.binaryValue().utf8ToString() : null;
        }
        return result;
    }

    /** The terms of a set of ords of one sorted doc-values field, looked up in ascending ord order. */
    private static final class OrdLookup {
        private final int[] ords;
        private final String[] terms;

        OrdLookup(SortedDocValues values, int[] wanted) throws IOException {
            int[] sorted = wanted.clone();
            Arrays.sort(sorted);
            int n = 0;
            for (int ord : sorted) {
                if (ord >= 0 && (n == 0 || sorted[n - 1] != ord)) {
                    sorted[n++] = ord;
                }
            }
            ords = Arrays.copyOf(sorted, n);
            terms = new String[n];
            for (int i = 0; i < n; i++) {
                terms[i] = values.lookupOrd(ords[i]).utf8ToString();
            }
        }

        String get(int ord) {
            return ord < 0 ? null : terms[Arrays.binarySearch(ords, ord)];
        }
    }

    /** The distinct layer diffIDs (as index terms) of the given top-level file doc ids. */
    static Set<BytesRef> layersOf(IndexReader reader, int[] docIds) throws IOException {
        int[] sorted = docIds.clone();
        Arrays.sort(sorted);
        List<LeafReaderContext> leaves = reader.leaves();
        Set<BytesRef> layers = new TreeSet<>();
        SortedDocValues values = null;
        LeafReaderContext current = null;
        for (int doc : sorted) {
            if (current == null || doc >= current.docBase + current.reader().maxDoc()) {
                current = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getSorted(current.reader(), LAYER);
            }
            if (values.advanceExact(doc - current.docBase)) {
                layers.add(BytesRef.deepCopyOf(values.lookupOrd(values.ordValue())));
            }
        }
        return layers;
    }

    /** Collects rows into a list sorted by ordinal (tar order). */
    static List<LayerEntry> entriesInOrder(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Long.compare(a.ordinal(), b.ordinal()));
        List<LayerEntry> entries = new ArrayList<>(sorted.size());
        for (Row row : sorted) {
            entries.add(row.hit().entry());
        }
        return entries;
    }
}
