package dev.strata.index.advisory;

import dev.strata.scanner.vuln.match.Advisory;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The advisory index schema: one document per (advisory, ecosystem, package name), with indexed {@code ecosystem},
 * {@code name}, {@code source}, {@code record} ({@code source|id}) and {@code key} (unique per document) terms, and
 * {@code source NEWLINE json} ({@link AdvisoryJson}) as binary doc values: Lucene keeps those uncompressed, so a lookup
 * reads them straight from the file instead of decompressing a stored-field block per document. An OSV document
 * holds the record reduced to the {@code affected} entries of its one package.
 */
final class AdvisoryFields {
    static final String ECOSYSTEM = "ecosystem";
    static final String NAME = "name";
    static final String SOURCE = "source";
    static final String RECORD = "record";
    static final String KEY = "key";
    static final String JSON = "json";
    /** Doc values {@code ecosystem NUL name}: the index is sorted on it, so one package's documents sit together. */
    static final String PACKAGE = "package";
    /** The index sort: a package's documents share stored-field blocks, so a lookup decompresses few blocks. */
    static final Sort SORT = new Sort(new SortField(PACKAGE, SortField.Type.STRING));

    /** Source names, as in {@link SourceStatus#source()}. */
    static final String OSV = "osv";
    static final String DEBIAN = "debian-tracker";
    static final String ALPINE = "alpine-secdb";

    private AdvisoryFields() {
    }

    static String source(Advisory a) {
        return a instanceof Advisory.OsvAdvisory ? OSV : a instanceof Advisory.DebianAdvisoryRecord ? DEBIAN : ALPINE;
    }

    /** The ecosystem the document is stored under ({@code Maven}, {@code Debian:12}, {@code Alpine:v3.19}…). */
    static String ecosystem(Advisory a) {
        if (a instanceof Advisory.OsvAdvisory o) {
            return o.record().affected().get(0).pkg().ecosystem();
        }
        if (a instanceof Advisory.DebianAdvisoryRecord d) {
            return DistroEcosystems.ecosystem(d.advisory().release());
        }
        return DistroEcosystems.alpineEcosystem(((Advisory.AlpineAdvisoryRecord) a).fix().distroVersion());
    }

    /** The package name the document is stored under (OSV package name, Debian source package, Alpine origin). */
    static String name(Advisory a) {
        if (a instanceof Advisory.OsvAdvisory o) {
            return o.record().affected().get(0).pkg().name();
        }
        if (a instanceof Advisory.DebianAdvisoryRecord d) {
            return d.advisory().sourcePackage();
        }
        return ((Advisory.AlpineAdvisoryRecord) a).fix().origin();
    }

    static String record(Advisory a) {
        return source(a) + '|' + a.id();
    }

    /** Unique per document: an import replaces the document with the same key. */
    static String key(Advisory a) {
        return record(a) + '|' + ecosystem(a) + '|' + name(a);
    }

    static Document document(Advisory a) {
        Document doc = new Document();
        doc.add(new StringField(ECOSYSTEM, ecosystem(a), Field.Store.NO));
        doc.add(new StringField(NAME, name(a), Field.Store.NO));
        doc.add(new StringField(SOURCE, source(a), Field.Store.NO));
        doc.add(new StringField(RECORD, record(a), Field.Store.NO));
        doc.add(new StringField(KEY, key(a), Field.Store.NO));
        doc.add(new SortedDocValuesField(PACKAGE, new BytesRef(ecosystem(a) + '\u0000' + name(a))));
        doc.add(new BinaryDocValuesField(JSON, new BytesRef(source(a) + '\n' + AdvisoryJson.encode(a))));
        return doc;
    }
}
