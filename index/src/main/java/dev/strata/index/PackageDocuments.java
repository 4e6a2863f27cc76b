package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

import java.util.Arrays;

import static dev.strata.index.IndexSchema.*;

/** Converts a package occurrence of an image to its Lucene document and back. */
final class PackageDocuments {
    private PackageDocuments() {
    }

    static Document build(Digest image, InstalledPackage installed) {
        DetectedPackage p = installed.pkg();
        String purl = p.purl();
        Document doc = new Document();
        doc.add(new StringField(KIND, KIND_PACKAGE, Field.Store.NO));
        doc.add(new StringField(IMAGE, image.toString(), Field.Store.YES));
        doc.add(new StringField(PURL, purl, Field.Store.YES));
        doc.add(new SortedDocValuesField(PURL, new BytesRef(purl)));
        doc.add(new StringField(PURL_BASE, purlBase(purl), Field.Store.YES));
        doc.add(new StringField(PKG_TYPE, p.type().purlType(), Field.Store.YES));
        doc.add(new StringField(PKG_NAME, displayName(p), Field.Store.YES));
        doc.add(new StoredField(PKG_VERSION, p.version()));
        if (installed.layerDiffId() != null) {
            doc.add(new StringField(PKG_LAYER, installed.layerDiffId(), Field.Store.YES));
        }
        for (String path : p.paths()) {
            doc.add(new StringField(PKG_PATH, path, Field.Store.YES));
        }
        if (installed.ownedBy() != null) {
            doc.add(new StoredField(PKG_OWNER, installed.ownedBy()));
        }
        return doc;
    }

    static IndexedPackage toPackage(Document doc) {
        return new IndexedPackage(Digest.parse(doc.get(IMAGE)), doc.get(PURL), doc.get(PKG_TYPE), doc.get(PKG_NAME),
                doc.get(PKG_VERSION), doc.get(PKG_LAYER), Arrays.asList(doc.getValues(PKG_PATH)), doc.get(PKG_OWNER));
    }

    /** Maven packages are named {@code group:artifact}, as advisories name them; others by their name. */
    static String displayName(DetectedPackage p) {
        return p.namespace() == null ? p.name() : p.namespace() + ":" + p.name();
    }

    /** The purl without {@code @version}, qualifiers and subpath. */
    static String purlBase(String purl) {
        int end = purl.length();
        for (char c : new char[] {'?', '#'}) {
            int i = purl.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String head = purl.substring(0, end);
        int at = head.lastIndexOf('@');
        // an npm scope is written %40scope in a purl, so '@' only ever introduces the version
        return at > 0 ? head.substring(0, at) : head;
    }
}
