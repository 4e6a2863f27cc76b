package dev.strata.index;

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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        // sort (leaf, doc) so each leaf's doc-values iterators only move forward
        long[] order = new long[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            order[i] = ((long) docIds[i] << 32) | i;
        }
        Arrays.sort(order);
        Row[] rows = new Row[docIds.length];
        int i = 0;
        while (i < order.length) {
            int leafIndex = ReaderUtil.subIndex((int) (order[i] >>> 32), leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            int leafEnd = leaf.docBase + leaf.reader().maxDoc();
            LeafColumns columns = new LeafColumns(leaf.reader());
            while (i < order.length && (int) (order[i] >>> 32) < leafEnd) {
                int doc = (int) (order[i] >>> 32) - leaf.docBase;
                rows[(int) order[i]] = columns.row(doc);
                i++;
            }
        }
        return Arrays.asList(rows);
    }

    /** Reads all given doc ids of one leaf, ascending, and appends rows (used for whole layers). */
    static void readLeaf(LeafReader leaf, int[] ascendingDocs, int count, List<Row> out) throws IOException {
        LeafColumns columns = new LeafColumns(leaf);
        for (int k = 0; k < count; k++) {
            out.add(columns.row(ascendingDocs[k]));
        }
    }

    /** Forward-only doc-values cursors of one segment. */
    private static final class LeafColumns {
        private final SortedDocValues layer;
        private final NumericDocValues ordinal;
        private final SortedDocValues path;
        private final SortedDocValues type;
        private final NumericDocValues size;
        private final NumericDocValues mode;
        private final NumericDocValues uid;
        private final NumericDocValues gid;
        private final NumericDocValues mtime;
        private final BinaryDocValues link;
        private final SortedDocValues sha256;
        private final Map<Integer, Digest> layerByOrd = new HashMap<>();
        private final Map<Integer, EntryType> typeByOrd = new HashMap<>();

        LeafColumns(LeafReader leaf) throws IOException {
            layer = DocValues.getSorted(leaf, LAYER);
            ordinal = DocValues.getNumeric(leaf, ORDINAL);
            path = DocValues.getSorted(leaf, PATH);
            type = DocValues.getSorted(leaf, TYPE);
            size = DocValues.getNumeric(leaf, SIZE);
            mode = DocValues.getNumeric(leaf, MODE);
            uid = DocValues.getNumeric(leaf, UID);
            gid = DocValues.getNumeric(leaf, GID);
            mtime = DocValues.getNumeric(leaf, MTIME);
            link = DocValues.getBinary(leaf, LINK);
            sha256 = DocValues.getSorted(leaf, SHA256);
        }

        Row row(int doc) throws IOException {
            Digest diffId = layer.advanceExact(doc)
                    ? layerByOrd.computeIfAbsent(layer.ordValue(), this::layerDigest) : null;
            String entryPath = path.advanceExact(doc) ? path.lookupOrd(path.ordValue()).utf8ToString() : null;
            EntryType entryType = type.advanceExact(doc)
                    ? typeByOrd.computeIfAbsent(type.ordValue(), this::entryType) : null;
            String target = link.advanceExact(doc) ? link.binaryValue().utf8ToString() : null;
            Digest hash = sha256.advanceExact(doc)
                    ? Digest.parse(sha256.lookupOrd(sha256.ordValue()).utf8ToString()) : null;
            LayerEntry entry = new LayerEntry(entryPath, entryType, number(size, doc), (int) number(mode, doc),
                    number(uid, doc), number(gid, doc), number(mtime, doc), target, hash);
            return new Row(number(ordinal, doc), new FileHit(entry, diffId));
        }

        private Digest layerDigest(int ord) {
            try {
                return Digest.parse(layer.lookupOrd(ord).utf8ToString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private EntryType entryType(int ord) {
            try {
                return EntryType.valueOf(type.lookupOrd(ord).utf8ToString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static long number(NumericDocValues values, int doc) throws IOException {
            return values.advanceExact(doc) ? values.longValue() : 0L;
        }
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
