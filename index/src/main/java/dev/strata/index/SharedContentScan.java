package dev.strata.index;

import dev.strata.index.dedup.ContentRows;
import dev.strata.index.dedup.SharedContent;
import dev.strata.index.dedup.SharedContentReport;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.strata.index.IndexSchema.*;

/**
 * Finds content stored in more than one distinct layer by reading three doc-values columns of every file
 * document (content key, size, layer) into {@link ContentRows}; only the top groups' documents are read
 * back in full. Empty files are skipped: sharing them saves nothing.
 */
final class SharedContentScan {
    private SharedContentScan() {
    }

    static SharedContentReport scan(IndexReader reader, int limit) throws IOException {
        long expected = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            expected += DocValues.getNumeric(leaf.reader(), CONTENT_KEY).cost();
        }
        ContentRows rows = new ContentRows((int) Math.min(Integer.MAX_VALUE - 16, expected));
        Map<String, Integer> layerNumbers = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            read(leaf, layerNumbers, rows);
        }
        ContentRows.Groups groups = rows.groupSharedAcrossLayers(limit);
        List<SharedContent> top = new ArrayList<>(groups.top().size());
        for (ContentRows.Group group : groups.top()) {
            top.add(resolve(reader, group));
        }
        return new SharedContentReport(groups.contents(), groups.copies(), groups.storedBytes(), groups.savedBytes(),
                top);
    }

    private static void read(LeafReaderContext context, Map<String, Integer> layerNumbers, ContentRows rows)
            throws IOException {
        LeafReader leaf = context.reader();
        SortedDocValues layers = DocValues.getSorted(leaf, LAYER);
        int[] layerOfOrd = new int[layers.getValueCount()];
        for (int ord = 0; ord < layerOfOrd.length; ord++) {
            String diffId = layers.lookupOrd(ord).utf8ToString();
            layerOfOrd[ord] = layerNumbers.computeIfAbsent(diffId, d -> layerNumbers.size());
        }
        NumericDocValues keys = DocValues.getNumeric(leaf, CONTENT_KEY);
        NumericDocValues sizes = DocValues.getNumeric(leaf, SIZE);
        Bits live = leaf.getLiveDocs();
        for (int doc = keys.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = keys.nextDoc()) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            long size = sizes.advanceExact(doc) ? sizes.longValue() : 0;
            if (size <= 0 || !layers.advanceExact(doc)) {
                continue;
            }
            rows.add(keys.longValue(), size, layerOfOrd[layers.ordValue()], context.docBase + doc);
        }
    }

    /** Reads a group's documents; keeps the copies of the first sha256 should two contents share a key. */
    private static SharedContent resolve(IndexReader reader, ContentRows.Group group) throws IOException {
        List<FileDocReader.Row> read = FileDocReader.read(reader, group.rowIds());
        String sha = read.get(0).hit().entry().sha256().toString();
        List<SharedContent.Occurrence> occurrences = new ArrayList<>();
        for (FileDocReader.Row row : read) {
            if (sha.equals(String.valueOf(row.hit().entry().sha256()))) {
                occurrences.add(new SharedContent.Occurrence(row.hit().entry().path(), row.hit().diffId().toString()));
            }
        }
        occurrences.sort(Comparator.comparing(SharedContent.Occurrence::layer)
                .thenComparing(SharedContent.Occurrence::path));
        long layerCount = occurrences.stream().map(SharedContent.Occurrence::layer).distinct().count();
        return new SharedContent(sha, group.size(), occurrences.size(), (int) layerCount,
                group.size() * (layerCount - 1), occurrences);
    }
}
