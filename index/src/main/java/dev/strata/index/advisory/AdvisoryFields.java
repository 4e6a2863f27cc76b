package dev.strata.index.advisory;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/**
 * The advisory index schema: one document per (advisory, ecosystem, package name), with indexed {@code ecosystem},
 * {@code name}, {@code source}, {@code record} ({@code source|id}) and {@code key} (unique per document) terms and
 * the advisory as one stored JSON field.
 */
final class AdvisoryFields {
    static final String ECOSYSTEM = "ecosystem";
    static final String NAME = "name";
    static final String SOURCE = "source";
    static final String RECORD = "record";
    static final String KEY = "key";
    static final String JSON = "json";

    private AdvisoryFields() {
    }

    static String record(StoredAdvisory a) {
        return a.source() + '|' + a.id();
    }

    /** Unique per document: an import replaces the document with the same key. */
    static String key(StoredAdvisory a) {
        String release = a instanceof StoredAdvisory.Debian d ? d.release() : a.ecosystem();
        return record(a) + '|' + release + '|' + a.name();
    }

    static Document document(StoredAdvisory a) {
        Document doc = new Document();
        doc.add(new StringField(ECOSYSTEM, a.ecosystem(), Field.Store.NO));
        doc.add(new StringField(NAME, a.name(), Field.Store.NO));
        doc.add(new StringField(SOURCE, a.source(), Field.Store.NO));
        doc.add(new StringField(RECORD, record(a), Field.Store.NO));
        doc.add(new StringField(KEY, key(a), Field.Store.NO));
        doc.add(new StoredField(JSON, AdvisoryJson.encode(a)));
        return doc;
    }
}
