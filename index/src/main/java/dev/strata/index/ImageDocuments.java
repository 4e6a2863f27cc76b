package dev.strata.index;

import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.Digest;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.strata.index.IndexSchema.*;

/** Converts an {@link IndexedImage} to its Lucene document and back. */
final class ImageDocuments {
    private ImageDocuments() {
    }

    static Document build(IndexedImage image) {
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_IMAGE, Field.Store.NO));
        doc.add(new StringField(IMAGE, image.manifestDigest().toString(), Field.Store.YES));
        if (image.configDigest() != null) {
            doc.add(new StringField(CONFIG, image.configDigest().toString(), Field.Store.YES));
        }
        if (image.reference() != null) {
            doc.add(new StringField(REFERENCE, image.reference(), Field.Store.YES));
        }
        for (String tag : image.repoTags()) {
            doc.add(new StringField(TAG, tag, Field.Store.YES));
        }
        if (image.platform() != null) {
            doc.add(new StoredField(PLATFORM, image.platform()));
        }
        for (Digest diffId : image.diffIds()) {
            String value = diffId.toString();
            doc.add(new StringField(DIFF_ID, value, Field.Store.YES));
            doc.add(new SortedSetDocValuesField(DIFF_ID, new BytesRef(value)));
        }
        LayerDocuments.storedLong(doc, INDEXED_AT, image.indexedAtMillis());
        if (image.reportJson() != null) {
            doc.add(new StoredField(REPORT, image.reportJson()));
        }
        DeclaredBase base = image.declaredBase();
        if (base != null) {
            storeIfSet(doc, BASE_NAME, base.name());
            storeIfSet(doc, BASE_DIGEST, base.digest());
            storeIfSet(doc, BASE_SOURCE, base.source());
        }
        return doc;
    }

    private static void storeIfSet(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    static IndexedImage toImage(Document doc) {
        String config = doc.get(CONFIG);
        List<Digest> diffIds = new ArrayList<>();
        for (String value : doc.getValues(DIFF_ID)) {
            diffIds.add(Digest.parse(value));
        }
        return new IndexedImage(Digest.parse(doc.get(IMAGE)), config == null ? null : Digest.parse(config),
                doc.get(REFERENCE), Arrays.asList(doc.getValues(TAG)), doc.get(PLATFORM), diffIds,
                LayerDocuments.longOf(doc, INDEXED_AT), doc.get(REPORT), declaredBase(doc));
    }

    private static DeclaredBase declaredBase(Document doc) {
        String source = doc.get(BASE_SOURCE);
        return source == null ? null : new DeclaredBase(doc.get(BASE_NAME), doc.get(BASE_DIGEST), source);
    }
}
