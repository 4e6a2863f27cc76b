package dev.strata.index;

import dev.strata.scanner.efficiency.EfficiencyLayer;
import dev.strata.scanner.efficiency.LayerTable;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.packages.InstalledPackage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import static dev.strata.index.IndexSchema.*;

/**
 * The Lucene index of images, layers and files under {@code <dataDir>/index/}.
 *
 * <p>Thread-safe. Every mutation is committed before it returns; searches see committed data only (the
 * {@link SearcherManager} reads the last commit and is refreshed after each commit). A layer's documents are
 * added as one block and committed at once, so a crash never leaves a partial layer. Layer adds and image
 * puts run concurrently; {@link #removeImage} runs exclusively. I/O failures surface as
 * {@link UncheckedIOException}.
 */
public final class StrataIndex implements Closeable {
    private static final Sort FILE_ORDER = new Sort(new SortField(PATH, SortField.Type.STRING),
            new SortField(LAYER, SortField.Type.STRING), new SortField(ORDINAL, SortField.Type.LONG));

    private final Path indexDir;
    private final Directory directory;
    /** Opened on the first change, so read-only use neither takes the write lock nor pays for a writer. */
    private volatile IndexWriter writer;
    private final SearcherManager searchers;
    /** Shared by layer adds / image puts, exclusive for removals and close. */
    private final ReentrantReadWriteLock mutation = new ReentrantReadWriteLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    private StrataIndex(Path indexDir, Directory directory, IndexWriter writer) throws IOException {
        // writer is null unless open() had to create the index
        this.indexDir = indexDir;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(directory, null);
    }

    /**
     * Opens (creating if needed) the index in {@code <dataDir>/index/}.
     *
     * The write lock is taken on the first change, not here: any number of processes may read while one
     * writes; a second writer gets {@link IndexInUseException} when it first tries to change the index.
     *
     * @throws IndexSchemaException  if the index was written with another schema version
     */
    public static StrataIndex open(Path dataDir) throws IOException {
        Path indexDir = dataDir.resolve("index").toAbsolutePath();
        Files.createDirectories(indexDir);
        Directory directory = FSDirectory.open(indexDir);
        IndexWriter writer = null;
        try {
            if (DirectoryReader.indexExists(directory)) {
                String found = SegmentInfos.readLatestCommit(directory).getUserData().get(USER_DATA_SCHEMA_VERSION);
                if (!String.valueOf(SCHEMA_VERSION).equals(found)) {
                    throw new IndexSchemaException(indexDir, found);
                }
            } else {
                writer = newWriter(indexDir, directory);
                writer.commit(); // a new index gets its first commit (with the schema version) at once
            }
            return new StrataIndex(indexDir, directory, writer);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer, e);
            closeQuietly(directory, e);
            throw e;
        }
    }

    private static IndexWriter newWriter(Path indexDir, Directory directory) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(64);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new IndexInUseException(indexDir, e);
        }
        writer.setLiveCommitData(Map.of(USER_DATA_SCHEMA_VERSION, String.valueOf(SCHEMA_VERSION)).entrySet());
        return writer;
    }

    /**
     * The writer, opened (taking the index's write lock) on first use.
     *
     * @throws IndexInUseException if another process is writing to the index
     */
    private IndexWriter writer() throws IOException {
        IndexWriter w = writer;
        if (w == null) {
            synchronized (this) {
                w = writer;
                if (w == null) {
                    w = newWriter(indexDir, directory);
                    writer = w;
                }
            }
        }
        return w;
    }

    /** The directory holding the Lucene files. */
    public Path indexDir() {
        return indexDir;
    }

    // ------------------------------------------------------------------ layers

    /** True when the layer is committed in the index. */
    public boolean hasLayer(Digest diffId) {
        return search(s -> s.count(layerDocQuery(diffId)) > 0);
    }

    /**
     * Adds a layer and its entries (in tar order) as one atomic, committed block; a no-op when the layer is
     * already indexed. {@code layer.entryCount()} must equal {@code entries.size()} (see
     * {@link IndexedLayer#of}).
     */
    public void addLayer(IndexedLayer layer, List<LayerEntry> entries) {
        addLayer(layer, entries, null);
    }

    /**
     * As {@link #addLayer(IndexedLayer, List)}, also storing {@code analysisJson} (the layer's package findings,
     * opaque here) on the layer document, so an image sharing the layer reuses it without reading the layer.
     */
    public void addLayer(IndexedLayer layer, List<LayerEntry> entries, String analysisJson) {
        List<Document> docs = LayerDocuments.build(layer, entries);
        if (analysisJson != null) {
            docs.get(docs.size() - 1).add(new StoredField(ANALYSIS, analysisJson));
        }
        withLock(mutation.readLock(), () -> {
            if (hasLayer(layer.diffId())) {
                return null;
            }
            addLayerDocuments(layer.diffId(), docs);
            commit();
            return null;
        });
    }

    /** The analysis JSON stored with a layer, if the layer is indexed and has one. */
    public Optional<String> layerAnalysis(Digest diffId) {
        return search(s -> {
            ScoreDoc[] hits = s.search(layerDocQuery(diffId), 1).scoreDocs;
            return hits.length == 0 ? Optional.<String>empty()
                    : Optional.ofNullable(s.storedFields().document(hits[0].doc).get(ANALYSIS));
        });
    }

    /** Replaces the analysis JSON of an indexed layer (after an analyser upgrade), committed. */
    public void setLayerAnalysis(Digest diffId, String analysisJson) {
        withLock(mutation.readLock(), () -> {
            IndexedLayer layer = layer(diffId).orElseThrow(
                    () -> new NoSuchElementException("no layer " + diffId + " in the index"));
            Document doc = LayerDocuments.layerDocument(layer);
            doc.add(new StoredField(ANALYSIS, analysisJson));
            writer().deleteDocuments(layerDocQuery(diffId));
            writer().addDocument(doc);
            commit();
            return null;
        });
    }

    /**
     * Adds the block without committing. Keyed on the layer term so a concurrent duplicate add of the same
     * layer replaces rather than doubles it. Package-private so tests can simulate a crash before commit.
     */
    void addLayerDocuments(Digest diffId, List<Document> docs) throws IOException {
        try {
            writer().updateDocuments(new Term(LAYER, diffId.toString()), docs);
        } catch (IllegalArgumentException e) {
            // Lucene rejected a document (e.g. a path over 32766 bytes); the block was discarded as a whole
            throw new IllegalArgumentException("layer " + diffId + " could not be indexed: " + e.getMessage(), e);
        }
    }

    /** The layer summary, if indexed. */
    public Optional<IndexedLayer> layer(Digest diffId) {
        return search(s -> {
            ScoreDoc[] hits = s.search(layerDocQuery(diffId), 1).scoreDocs;
            return hits.length == 0 ? Optional.empty()
                    : Optional.of(LayerDocuments.toLayer(s.storedFields().document(hits[0].doc)));
        });
    }

    /** All entries of a layer in original tar order; empty when the layer is not indexed. */
    public List<LayerEntry> layerEntries(Digest diffId) {
        return layerEntries(diffId, false);
    }

    /**
     * As {@link #layerEntries(Digest)}, but for comparing content only: a regular file's {@code sha256} is a
     * stand-in made of the first 64 bits of its real digest followed by zeros, so equal contents have equal
     * stand-ins (a different content shares one with probability 2^-64) while the sha256 terms — the costly part
     * of reading a layer from a large index — are not decoded. Get real digests with {@link #sha256At}.
     */
    public List<LayerEntry> layerEntriesForComparison(Digest diffId) {
        return layerEntries(diffId, true);
    }

    /**
     * The real content digests of the regular files of one layer at the given paths, in tar order per path (a
     * path written twice in a layer has two); paths without a regular file in the layer are absent.
     */
    public Map<String, List<Digest>> sha256At(Digest diffId, java.util.Collection<String> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        List<BytesRef> terms = paths.stream().distinct().map(BytesRef::new).toList();
        Query query = and(and(kind(KIND_FILE), new TermQuery(new Term(LAYER, diffId.toString()))),
                new TermInSetQuery(PATH, terms));
        return search(s -> {
            List<FileDocReader.Row> rows = new ArrayList<>(FileDocReader.read(s.getIndexReader(), allDocs(s, query)));
            rows.sort((a, b) -> Long.compare(a.ordinal(), b.ordinal()));
            Map<String, List<Digest>> out = new java.util.HashMap<>();
            for (FileDocReader.Row row : rows) {
                LayerEntry e = row.hit().entry();
                if (e.sha256() != null) {
                    out.computeIfAbsent(e.path(), p -> new ArrayList<>()).add(e.sha256());
                }
            }
            return out;
        });
    }

    /**
     * The entries of an indexed layer as columns for the efficiency calculation (content identified by the first
     * 64 bits of its sha256, as {@link #layerEntriesForComparison}): read straight from doc values, one path
     * string per entry and no other object per entry.
     */
    public LayerTable layerTable(IndexedLayer layer) {
        Query query = and(kind(KIND_FILE), new TermQuery(new Term(LAYER, layer.diffId().toString())));
        LayerTable table = search(s -> {
            Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            LayerTable found = null;
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                LeafDocs matched = LeafDocs.of(scorer, leaf.reader().getLiveDocs(),
                        (int) Math.max(16, Math.min(layer.entryCount(), 1 << 24)));
                if (matched.count() == 0) {
                    continue; // only deleted documents of this layer here (e.g. a re-added layer's old block)
                }
                if (found != null) {
                    return null; // a layer is added as one block, so this does not happen; read it entry by entry then
                }
                found = FileDocReader.readTable(leaf.reader(), matched.docs(), matched.count(), layer.diffId().toString(),
                        layer.uncompressedSize());
            }
            return found != null ? found : LayerTable.of(new EfficiencyLayer(layer.diffId().toString(),
                    layer.uncompressedSize(), List.of()));
        });
        return table != null ? table : LayerTable.of(new EfficiencyLayer(layer.diffId().toString(),
                layer.uncompressedSize(), layerEntriesForComparison(layer.diffId())));
    }

    private List<LayerEntry> layerEntries(Digest diffId, boolean contentKeys) {
        Query query = and(kind(KIND_FILE), new TermQuery(new Term(LAYER, diffId.toString())));
        return search(s -> {
            Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            List<FileDocReader.Row> rows = new ArrayList<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                LeafDocs matched = LeafDocs.of(scorer, leaf.reader().getLiveDocs(), 64);
                FileDocReader.readLeaf(leaf.reader(), matched.docs(), matched.count(), rows, contentKeys);
            }
            return FileDocReader.entriesInOrder(rows);
        });
    }

    // ------------------------------------------------------------------ images

    /**
     * Stores (or replaces) the image document, committed. Every diffID must already be indexed; otherwise
     * {@link IllegalStateException} (e.g. a layer removed concurrently — re-add it and retry).
     */
    public void putImage(IndexedImage image) {
        putImage(image, List.of());
    }

    /**
     * Stores (or replaces) the image document and one document per package occurrence, atomically and
     * committed; the image's previous package documents are replaced.
     */
    public void putImage(IndexedImage image, List<InstalledPackage> packages) {
        List<Document> docs = new ArrayList<>(packages.size() + 1);
        docs.add(ImageDocuments.build(image));
        for (InstalledPackage p : packages) {
            docs.add(PackageDocuments.build(image.manifestDigest(), p));
        }
        withLock(mutation.readLock(), () -> {
            for (Digest diffId : image.diffIds()) {
                if (!hasLayer(diffId)) {
                    throw new IllegalStateException("image " + image.manifestDigest() + " references layer "
                            + diffId + " which is not indexed");
                }
            }
            // image and package docs share the IMAGE term, so this replaces both
            writer().updateDocuments(new Term(IMAGE, image.manifestDigest().toString()), docs);
            commit();
            return null;
        });
    }

    /** The package occurrences of an image, by purl. */
    public List<IndexedPackage> packagesOf(Digest manifestDigest) {
        return packages(and(kind(KIND_PACKAGE), new TermQuery(new Term(IMAGE, manifestDigest.toString()))),
                0, Integer.MAX_VALUE);
    }

    /**
     * Package occurrences whose purl equals {@code purl}, or — when it ends with {@code *} — starts with the
     * text before it; a purl without a version also matches every version ({@code pkg:maven/g/a}).
     */
    public List<IndexedPackage> packagesByPurl(String purl, int offset, int limit) {
        Query match;
        if (purl.endsWith("*")) {
            match = new PrefixQuery(new Term(PURL, purl.substring(0, purl.length() - 1)));
        } else {
            match = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PURL, purl)), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(PURL_BASE, purl)), BooleanClause.Occur.SHOULD)
                    .build();
        }
        return packages(and(kind(KIND_PACKAGE), match), offset, limit);
    }

    /** Package occurrences by package name ({@code group:artifact} for Maven). */
    public List<IndexedPackage> packagesByName(String name, int offset, int limit) {
        return packages(and(kind(KIND_PACKAGE), new TermQuery(new Term(PKG_NAME, name))), offset, limit);
    }

    private List<IndexedPackage> packages(Query query, int offset, int limit) {
        return search(s -> {
            int want = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
            TopDocs top = s.search(query, Math.max(1, Math.min(want, Math.max(1, s.count(query)))),
                    new Sort(new SortField(PURL, SortField.Type.STRING)));
            List<IndexedPackage> out = new ArrayList<>();
            StoredFields stored = s.storedFields();
            for (int i = offset; i < top.scoreDocs.length && out.size() < limit; i++) {
                out.add(PackageDocuments.toPackage(stored.document(top.scoreDocs[i].doc)));
            }
            return out;
        });
    }

    /** The image with this manifest digest. */
    public Optional<IndexedImage> image(Digest manifestDigest) {
        return firstImage(imageQuery(IMAGE, manifestDigest));
    }

    /**
     * Finds an image the way Docker resolves an image argument: a full digest (manifest or config), else an
     * exact repo tag or scanned reference (newest indexed wins), else a unique hex prefix of at least 4
     * characters of the manifest or config digest (optionally prefixed {@code sha256:}).
     *
     * @throws IllegalArgumentException if a hex prefix matches more than one image (names the candidates)
     */
    public Optional<IndexedImage> findImage(String digestOrPrefixOrTag) {
        return search(s -> new ImageLookup(s).find(digestOrPrefixOrTag));
    }

    /** All images, oldest indexed first. */
    public List<IndexedImage> images() {
        return search(s -> ImageLookup.images(s, kind(KIND_IMAGE)));
    }

    /** All images without their stored reports ({@code reportJson} null), oldest indexed first: cheap for fleet views. */
    public List<IndexedImage> imagesWithoutReports() {
        return search(s -> ImageLookup.images(s, kind(KIND_IMAGE), false));
    }

    /** Images whose layer list contains this diffID, oldest indexed first. */
    public List<IndexedImage> imagesWithLayer(Digest diffId) {
        return search(s -> ImageLookup.images(s, imageQuery(DIFF_ID, diffId)));
    }

    /** Images containing a regular file with this content hash in any of their layers, oldest first. */
    public List<IndexedImage> imagesWithFileSha256(Digest sha256) {
        return search(s -> {
            Query files = and(kind(KIND_FILE), new TermQuery(new Term(SHA256, sha256.toString())));
            Set<BytesRef> layers = FileDocReader.layersOf(s.getIndexReader(), allDocs(s, files));
            if (layers.isEmpty()) {
                return List.of();
            }
            return ImageLookup.images(s, and(kind(KIND_IMAGE), new TermInSetQuery(DIFF_ID, layers)));
        });
    }

    /**
     * Deletes the image and every layer (with its files) no other image references, in one commit.
     *
     * @throws NoSuchElementException if no image has this manifest digest
     */
    public RemovedImage removeImage(Digest manifestDigest) {
        return withLock(mutation.writeLock(), () -> {
            IndexedImage image = image(manifestDigest).orElseThrow(
                    () -> new NoSuchElementException("no image " + manifestDigest + " in the index"));
            List<IndexedLayer> removed = new ArrayList<>();
            List<Digest> kept = new ArrayList<>();
            for (Digest diffId : new LinkedHashSet<>(image.diffIds())) {
                Query others = new BooleanQuery.Builder()
                        .add(imageQuery(DIFF_ID, diffId), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(IMAGE, manifestDigest.toString())), BooleanClause.Occur.MUST_NOT)
                        .build();
                if (search(s -> s.count(others)) > 0) {
                    kept.add(diffId);
                } else {
                    layer(diffId).ifPresent(removed::add);
                    writer().deleteDocuments(new Term(LAYER, diffId.toString()));
                }
            }
            writer().deleteDocuments(new Term(IMAGE, manifestDigest.toString()));
            commit();
            return new RemovedImage(image, removed, kept);
        });
    }

    // ------------------------------------------------------------------ dedup aggregations

    /** Every indexed layer's summary, ordered by diffID. */
    public List<IndexedLayer> layers() {
        return search(s -> {
            StoredFields stored = s.storedFields();
            List<IndexedLayer> layers = new ArrayList<>();
            for (int doc : allDocs(s, kind(KIND_LAYER))) {
                layers.add(LayerDocuments.toLayer(stored.document(doc)));
            }
            layers.sort(java.util.Comparator.comparing(IndexedLayer::diffId));
            return layers;
        });
    }

    /**
     * Regular-file content (sha256, non-empty) stored in more than one distinct layer of the index: totals and
     * the {@code limit} contents whose storage in one common layer would save the most bytes. Aggregated from
     * doc values (a few bytes per file in memory), not by loading documents.
     */
    public dev.strata.index.dedup.SharedContentReport sharedContent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        return search(s -> SharedContentScan.scan(s.getIndexReader(), limit));
    }

    // ------------------------------------------------------------------ file queries

    /** Files whose path equals {@code exactPath}, ordered by path, layer, tar position. */
    public List<FileHit> filesByPath(String exactPath, int offset, int limit) {
        return files(new TermQuery(new Term(PATH, exactPath)), offset, limit);
    }

    /**
     * Files whose path starts with {@code prefix} as a plain string prefix: {@code /usr/lib/} matches
     * {@code /usr/lib/x} but neither {@code /usr/lib} itself nor {@code /usr/lib2}; {@code /usr/lib} matches
     * all three. Pass a trailing slash for "inside this directory".
     */
    public List<FileHit> filesByPathPrefix(String prefix, int offset, int limit) {
        return files(new PrefixQuery(new Term(PATH, prefix)), offset, limit);
    }

    /** Regular files with this content hash. */
    public List<FileHit> filesBySha256(Digest sha256, int offset, int limit) {
        return files(new TermQuery(new Term(SHA256, sha256.toString())), offset, limit);
    }

    private List<FileHit> files(Query query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be >= 0");
        }
        int wanted = (int) Math.min(Integer.MAX_VALUE - 1L, (long) offset + limit);
        if (limit == 0) {
            return List.of();
        }
        Query filtered = and(kind(KIND_FILE), query);
        return search(s -> {
            ScoreDoc[] hits = s.search(filtered, wanted, FILE_ORDER).scoreDocs;
            if (hits.length <= offset) {
                return List.of();
            }
            int[] docs = new int[hits.length - offset];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = hits[offset + i].doc;
            }
            return FileDocReader.read(s.getIndexReader(), docs).stream().map(FileDocReader.Row::hit).toList();
        });
    }

    // ------------------------------------------------------------------ lifecycle

    /** Closes the writer and directory, discarding nothing committed; idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Lock lock = mutation.writeLock();
        lock.lock();
        try {
            IOException failure = null;
            List<Closeable> open = new ArrayList<>(List.of(searchers));
            if (writer != null) {
                open.add(writer);
            }
            open.add(directory);
            for (Closeable c : open) {
                try {
                    c.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The live documents a scorer matches in one leaf, in doc order: {@code docs[0..count)}. */
    private record LeafDocs(int[] docs, int count) {
        static LeafDocs of(Scorer scorer, Bits live, int initialCapacity) throws IOException {
            int[] docs = new int[initialCapacity];
            int count = 0;
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    if (count == docs.length) {
                        docs = Arrays.copyOf(docs, count * 2);
                    }
                    docs[count++] = doc;
                }
            }
            return new LeafDocs(docs, count);
        }
    }

    private void commit() throws IOException {
        writer().commit();
        searchers.maybeRefreshBlocking();
    }

    private Optional<IndexedImage> firstImage(Query query) {
        return search(s -> ImageLookup.images(s, query).stream().findFirst());
    }

    static Query kind(String kind) {
        return new TermQuery(new Term(KIND, kind));
    }

    static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
    }

    static Query imageQuery(String field, Digest digest) {
        return and(kind(KIND_IMAGE), new TermQuery(new Term(field, digest.toString())));
    }

    private static Query layerDocQuery(Digest diffId) {
        return and(kind(KIND_LAYER), new TermQuery(new Term(LAYER, diffId.toString())));
    }

    /** All matching top-level doc ids (no scoring, no limit). */
    static int[] allDocs(IndexSearcher searcher, Query query) throws IOException {
        int n = Math.max(1, searcher.count(query));
        ScoreDoc[] hits = searcher.search(query, n).scoreDocs;
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        return docs;
    }

    @FunctionalInterface
    private interface IOFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    private interface IOAction<T> {
        T run() throws IOException;
    }

    private <T> T search(IOFunction<T> function) {
        ensureOpen();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index at " + indexDir + ": " + e.getMessage(), e);
        }
    }

    private <T> T withLock(Lock lock, IOAction<T> action) {
        lock.lock();
        try {
            ensureOpen();
            return action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("index at " + indexDir + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("index at " + indexDir + " is closed");
        }
    }

    private static void closeQuietly(Closeable closeable, Exception primary) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                primary.addSuppressed(e);
            }
        }
    }
}
