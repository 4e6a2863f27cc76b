package dev.strata.index.advisory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import dev.strata.scanner.vuln.match.Advisory;
import dev.strata.scanner.vuln.match.AdvisorySource;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Read-only view of the vulnerability database generation that was live when {@link #open} ran.
 *
 * <p>Thread-safe. An import that swaps in a new generation does not affect an open store: it keeps answering from
 * its generation (its files stay readable while open, even once the importer has unlinked them on POSIX systems);
 * open the store again to see the new data. {@link #isStale()} tells whether that is needed.
 */
public final class AdvisoryStore implements AdvisorySource, Closeable {
    private final VulnDbLayout layout;
    private final String generation;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final DatabaseStatus status;

    private AdvisoryStore(VulnDbLayout layout, String generation, Directory directory, DirectoryReader reader,
                          DatabaseStatus status) {
        this.layout = layout;
        this.generation = generation;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.status = status;
    }

    /**
     * Opens the live generation under {@code <dataDir>/vulndb/}.
     *
     * @throws NoAdvisoryDatabaseException when nothing was imported yet
     */
    public static AdvisoryStore open(Path dataDir) throws IOException {
        VulnDbLayout layout = new VulnDbLayout(dataDir);
        String generation = layout.current().orElseThrow(() -> new NoAdvisoryDatabaseException(layout.root));
        Path genDir = layout.generation(generation);
        if (!Files.isDirectory(genDir.resolve(VulnDbLayout.INDEX))) {
            throw new IOException("corrupt vulnerability database: " + layout.root.resolve(VulnDbLayout.CURRENT)
                    + " names " + generation + " but " + genDir + " holds no index; import again");
        }
        DatabaseStatus status = DatabaseStatus.read(genDir.resolve(VulnDbLayout.STATUS));
        Directory directory = FSDirectory.open(genDir.resolve(VulnDbLayout.INDEX));
        try {
            return new AdvisoryStore(layout, generation, directory, DirectoryReader.open(directory), status);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * The advisories stored for {@code name} in {@code ecosystem}, ordered by source then id, as the matcher reads
     * them. Both are matched exactly: Maven names are {@code group:artifact}, PyPI names must already be normalised
     * (PEP 503) by the caller. An OSV record comes back reduced to the {@code affected} entries naming this package
     * (all of them, if several), with its record-level fields ({@code severity}, {@code database_specific}…) intact.
     */
    @Override
    public List<Advisory> lookup(String ecosystem, String name) {
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(AdvisoryFields.ECOSYSTEM, ecosystem)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(AdvisoryFields.NAME, name)), BooleanClause.Occur.FILTER)
                .build();
        try {
            List<Advisory> out = new ArrayList<>();
            for (String value : values(query)) {
                int newline = value.indexOf('\n');
                out.add(AdvisoryJson.decode(value.substring(0, newline), value.substring(newline + 1)));
            }
            out.sort(Comparator.comparing(AdvisoryFields::source).thenComparing(Advisory::id)
                    .thenComparing(AdvisoryFields::key));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading vulnerability database " + generation, e);
        }
    }

    /** The stored values of the matching documents, read in doc order (a package's documents are adjacent). */
    private List<String> values(Query query) throws IOException {
        List<String> out = new ArrayList<>();
        searcher.search(query, new SimpleCollector() {
            private BinaryDocValues values;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = DocValues.getBinary(context.reader(), AdvisoryFields.JSON);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (!values.advanceExact(doc)) {
                    throw new IOException("advisory document " + doc + " has no value in generation " + generation);
                }
                out.add(values.binaryValue().utf8ToString());
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return out;
    }

    /** What the open generation holds, per source. */
    public DatabaseStatus status() {
        return status;
    }

    /** The generation this store reads ({@code gen-<n>}). */
    public String generation() {
        return generation;
    }

    /** True when another generation has been made live since this store was opened. */
    public boolean isStale() throws IOException {
        return !layout.current().map(generation::equals).orElse(false);
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
