package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerEntry;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.List;

import static dev.strata.index.IndexSchema.*;

/** Converts a layer and its entries to Lucene documents (file docs in tar order, layer doc last) and back. */
final class LayerDocuments {
    private LayerDocuments() {
    }

    static List<Document> build(IndexedLayer layer, List<LayerEntry> entries) {
        if (layer.entryCount() != entries.size()) {
            throw new IllegalArgumentException("layer " + layer.diffId() + " claims " + layer.entryCount()
                    + " entries but " + entries.size() + " were given");
        }
        // UTF-8 encode the values shared by every document of the layer once, not per document
        BytesRef diffId = new BytesRef(layer.diffId().toString());
        List<Document> docs = new ArrayList<>(entries.size() + 1);
        for (int i = 0; i < entries.size(); i++) {
            docs.add(fileDocument(diffId, i, entries.get(i)));
        }
        docs.add(layerDocument(layer));
        return docs;
    }

    private static final BytesRef KIND_FILE_BYTES = new BytesRef(KIND_FILE);
    private static final BytesRef[] TYPE_BYTES = java.util.Arrays.stream(dev.strata.scanner.layer.EntryType.values())
            .map(t -> new BytesRef(t.name())).toArray(BytesRef[]::new);

    private static Document fileDocument(BytesRef diffId, int ordinal, LayerEntry entry) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_FILE_BYTES, Field.Store.NO));
        keyword(doc, LAYER, diffId);
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        keyword(doc, PATH, entry.path());
        keyword(doc, TYPE, TYPE_BYTES[entry.type().ordinal()]);
        // file documents carry no stored fields and no points: everything is read back from doc values
        doc.add(new NumericDocValuesField(SIZE, entry.size()));
        doc.add(new NumericDocValuesField(MODE, entry.mode()));
        doc.add(new NumericDocValuesField(UID, entry.uid()));
        doc.add(new NumericDocValuesField(GID, entry.gid()));
        doc.add(new NumericDocValuesField(MTIME, entry.modifiedEpochSeconds()));
        if (entry.linkTarget() != null) {
            doc.add(new BinaryDocValuesField(LINK, new BytesRef(entry.linkTarget())));
        }
        if (entry.sha256() != null) {
            keyword(doc, SHA256, entry.sha256().toString());
            doc.add(new NumericDocValuesField(CONTENT_KEY, contentKey(entry.sha256())));
        }
        return doc;
    }

    /** The {@link IndexSchema#CONTENT_KEY} of a content digest: its first 64 bits. */
    static long contentKey(Digest sha256) {
        return Long.parseUnsignedLong(sha256.hex().substring(0, 16), 16);
    }

    static Document layerDocument(IndexedLayer layer) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_LAYER, Field.Store.NO));
        String diffId = layer.diffId().toString();
        doc.add(new StringField(LAYER, diffId, Field.Store.YES));
        doc.add(new SortedDocValuesField(LAYER, new BytesRef(diffId)));
        storedLong(doc, LAYER_SIZE, layer.uncompressedSize());
        storedLong(doc, ENTRY_COUNT, layer.entryCount());
        storedLong(doc, FILE_COUNT, layer.fileCount());
        storedLong(doc, FILE_BYTES, layer.fileBytes());
        storedLong(doc, INDEXED_AT, layer.indexedAtMillis());
        return doc;
    }

    /** Reads a layer document's stored fields back. */
    static IndexedLayer toLayer(Document doc) {
        return new IndexedLayer(Digest.parse(doc.get(LAYER)), longOf(doc, LAYER_SIZE), longOf(doc, ENTRY_COUNT),
                longOf(doc, FILE_COUNT), longOf(doc, FILE_BYTES), longOf(doc, INDEXED_AT));
    }

    static void keyword(Document doc, String field, String value) {
        keyword(doc, field, new BytesRef(value));
    }

    /** An exact-match term and a sorted doc value sharing one UTF-8 encoding of the value. */
    static void keyword(Document doc, String field, BytesRef value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, value));
    }

    static void storedLong(Document doc, String field, long value) {
        doc.add(new StoredField(field, value));
        doc.add(new NumericDocValuesField(field, value));
    }

    static long longOf(Document doc, String field) {
        IndexableField f = doc.getField(field);
        return f == null ? 0L : f.numericValue().longValue();
    }
}
