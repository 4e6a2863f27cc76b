package dev.strata.index;

import dev.strata.scanner.image.Digest;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.StoredFields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.strata.index.IndexSchema.*;

/** Loads image documents and resolves a user's image argument (digest, tag, or short id) against one searcher. */
final class ImageLookup {
    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{4,64}");
    private static final Comparator<IndexedImage> BY_INDEXED_TIME =
            Comparator.comparingLong(IndexedImage::indexedAtMillis).thenComparing(IndexedImage::manifestDigest);

    private static final java.util.Set<String> WITHOUT_REPORT = java.util.Set.of(IMAGE, CONFIG, REFERENCE, TAG,
            PLATFORM, DIFF_ID, INDEXED_AT, BASE_NAME, BASE_DIGEST, BASE_SOURCE);

    private final IndexSearcher searcher;

    ImageLookup(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** All image documents matching {@code query}, oldest indexed first. */
    static List<IndexedImage> images(IndexSearcher searcher, Query query) throws IOException {
        return images(searcher, query, true);
    }

    /** As {@link #images(IndexSearcher, Query)}; without {@code withReport} the stored report is not decoded (null). */
    static List<IndexedImage> images(IndexSearcher searcher, Query query, boolean withReport) throws IOException {
        int[] docs = StrataIndex.allDocs(searcher, StrataIndex.and(StrataIndex.kind(KIND_IMAGE), query));
        StoredFields stored = searcher.storedFields();
        List<IndexedImage> images = new ArrayList<>(docs.length);
        for (int doc : docs) {
            images.add(ImageDocuments.toImage(withReport ? stored.document(doc) : stored.document(doc, WITHOUT_REPORT)));
        }
        images.sort(BY_INDEXED_TIME);
        return images;
    }

    Optional<IndexedImage> find(String argument) throws IOException {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("missing image digest, id or tag");
        }
        String value = argument.trim();
        if (Digest.isDigest(value)) {
            return newest(either(IMAGE, CONFIG, value, false));
        }
        Optional<IndexedImage> byName = newest(either(TAG, REFERENCE, value, false));
        if (byName.isPresent()) {
            return byName;
        }
        String hex = value.toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256:")) {
            hex = hex.substring("sha256:".length());
        }
        if (!HEX_PREFIX.matcher(hex).matches()) {
            return Optional.empty();
        }
        List<IndexedImage> candidates = images(searcher, either(IMAGE, CONFIG, "sha256:" + hex, true));
        if (candidates.size() > 1) {
            throw new IllegalArgumentException("image id prefix '" + value + "' is ambiguous; it matches "
                    + candidates.stream().map(i -> i.manifestDigest().toString()).collect(Collectors.joining(", ")));
        }
        return candidates.stream().findFirst();
    }

    private Optional<IndexedImage> newest(Query query) throws IOException {
        List<IndexedImage> found = images(searcher, query);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    private static Query either(String field1, String field2, String value, boolean prefix) {
        return new BooleanQuery.Builder()
                .add(term(field1, value, prefix), BooleanClause.Occur.SHOULD)
                .add(term(field2, value, prefix), BooleanClause.Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }

    private static Query term(String field, String value, boolean prefix) {
        Term term = new Term(field, value);
        return prefix ? new PrefixQuery(term) : new TermQuery(term);
    }
}
