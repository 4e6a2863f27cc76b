package dev.strata.index.advisory;

import dev.strata.scanner.vuln.feeds.AlpineFix;
import dev.strata.scanner.vuln.feeds.AlpineSecdbParser;
import dev.strata.scanner.vuln.feeds.DebianAdvisory;
import dev.strata.scanner.vuln.feeds.DebianTrackerParser;
import dev.strata.scanner.vuln.feeds.FeedFormat;
import dev.strata.scanner.vuln.feeds.FeedWarning;
import dev.strata.scanner.vuln.match.Advisory;
import dev.strata.scanner.vuln.osv.OsvAffected;
import dev.strata.scanner.vuln.osv.OsvFormatException;
import dev.strata.scanner.vuln.osv.OsvParser;
import dev.strata.scanner.vuln.osv.OsvRecord;
import dev.strata.scanner.vuln.osv.OsvZipReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Imports advisory files into a new generation of the vulnerability database and makes it live atomically.
 *
 * <p>An import copies the live generation's documents into {@code vulndb/gen-<n+1>/}, then adds the files' records:
 * a record replaces the stored one with the same source and id (an OSV record replaces all documents of its id;
 * a Debian entry the one of its package, id and release; an Alpine fix the one of its ecosystem, origin and id), and
 * all other stored records are kept — a record dropped from a feed therefore stays until the database is rebuilt
 * (a withdrawn OSV record is removed). Only after the new generation is committed and its {@code status.json}
 * written is {@code vulndb/CURRENT} replaced (write {@code CURRENT.tmp}, then an atomic move); older generations are
 * deleted afterwards. A failure at any earlier point deletes the new generation and leaves the previous one live.
 * One import runs at a time ({@code vulndb/import.lock}).
 */
public final class AdvisoryImporter {
    private static final int HEAD_BYTES = 64 * 1024;

    private final VulnDbLayout layout;
    private final Clock clock;

    /** An importer for the database under {@code <dataDir>/vulndb/}. */
    public AdvisoryImporter(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    /** As {@link #AdvisoryImporter(Path)}, stamping imports with {@code clock}. */
    public AdvisoryImporter(Path dataDir, Clock clock) {
        this.layout = new VulnDbLayout(dataDir);
        this.clock = clock;
    }

    /** A file to import and its detected kind. */
    private record Input(Path path, Kind kind) {
    }

    private enum Kind { OSV_RECORD, DIRECTORY, OSV_ZIP, DEBIAN_TRACKER, ALPINE_SECDB }

    /**
     * Imports {@code paths} (OSV record files, OSV zips, Debian tracker JSON, Alpine secdb JSON, or directories of
     * them — each {@code .json}/{@code .zip} file detected from its content, others passed over) and makes the result live.
     *
     * @return the status of the new live generation
     * @throws IOException when a file cannot be read or is of an unknown kind, or the import fails; the previous
     *                     database is then unchanged
     */
    public DatabaseStatus importFiles(List<Path> paths) throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (Path path : paths) {
            inputs.add(new Input(path, detect(path)));
        }
        Files.createDirectories(layout.root);
        try (FileChannel lockFile = FileChannel.open(layout.root.resolve("import.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                throw new IOException("another import into " + layout.root + " is running");
            }
            return importLocked(inputs);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another importer in this JVM
        }
    }

    private DatabaseStatus importLocked(List<Input> inputs) throws IOException {
        Optional<String> current = layout.current();
        deleteGenerations(current.orElse(null)); // leftovers of failed or interrupted imports
        String name = "gen-" + (current.map(VulnDbLayout::number).orElse(0L) + 1);
        Path genDir = layout.generation(name);
        boolean live = false;
        try {
            Map<String, ImportStats> stats = new LinkedHashMap<>();
            Files.createDirectories(genDir);
            try (Directory dir = FSDirectory.open(genDir.resolve(VulnDbLayout.INDEX));
                 IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig()
                         .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setIndexSort(AdvisoryFields.SORT)
                         .setRAMBufferSizeMB(64))) {
                if (current.isPresent()) {
                    try (Directory old = FSDirectory.open(layout.generation(current.get()).resolve(VulnDbLayout.INDEX))) {
                        writer.addIndexes(old);
                    }
                }
                for (Input input : inputs) {
                    read(input, writer, stats);
                }
                writer.commit();
            }
            DatabaseStatus previous = current.isPresent()
                    ? DatabaseStatus.read(layout.generation(current.get()).resolve(VulnDbLayout.STATUS)) : null;
            DatabaseStatus status = status(name, genDir, previous, stats);
            status.write(genDir.resolve(VulnDbLayout.STATUS));
            IOUtils.fsync(genDir.resolve(VulnDbLayout.STATUS), false);
            IOUtils.fsync(genDir, true);
            makeCurrent(name);
            live = true;
            try {
                deleteGenerations(name);
            } catch (IOException | UncheckedIOException e) {
                // best effort: the next import removes them
            }
            return status;
        } catch (IOException | RuntimeException | Error e) {
            if (!live) {
                deleteTree(genDir);
            }
            throw e;
        }
    }

    private void read(Input input, IndexWriter writer, Map<String, ImportStats> stats) throws IOException {
        String file = input.path().toString();
        try {
            switch (input.kind()) {
                case OSV_RECORD -> osvFile(input.path(), file, writer, stats(stats, AdvisoryFields.OSV, file));
                case DIRECTORY -> {
                    try (Stream<Path> walk = Files.walk(input.path())) {
                        for (Path p : walk.filter(Files::isRegularFile).filter(AdvisoryImporter::isFeedName)
                                .sorted().toList()) {
                            Kind kind = detectFile(p);
                            if (kind == null) {
                                stats(stats, AdvisoryFields.OSV, file).malformed(p + ": not an OSV record, OSV zip, "
                                        + "Debian tracker JSON or Alpine secdb JSON");
                            } else {
                                read(new Input(p, kind), writer, stats);
                            }
                        }
                    }
                }
                case OSV_ZIP -> {
                    ImportStats s = stats(stats, AdvisoryFields.OSV, file);
                    try (Stream<OsvRecord> records = new OsvZipReader().records(input.path(),
                            skipped -> s.malformed(skipped.zipName() + "!" + skipped.entryName() + ": " + skipped.message()))) {
                        records.forEach(r -> unchecked(() -> osvRecord(r, writer, s)));
                    }
                }
                case DEBIAN_TRACKER -> {
                    ImportStats s = stats(stats, AdvisoryFields.DEBIAN, file);
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(input.path()))) {
                        new DebianTrackerParser().parse(in, new DebianTrackerParser.Listener() {
                            @Override
                            public void advisory(DebianAdvisory a) {
                                unchecked(() -> replace(writer, new Advisory.DebianAdvisoryRecord(a)));
                            }

                            @Override
                            public void warning(FeedWarning w) {
                                s.malformed(file + ": " + w);
                            }
                        });
                    }
                }
                case ALPINE_SECDB -> {
                    ImportStats s = stats(stats, AdvisoryFields.ALPINE, file);
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(input.path()))) {
                        new AlpineSecdbParser().parse(in, new AlpineSecdbParser.Listener() {
                            @Override
                            public void fix(AlpineFix f) {
                                unchecked(() -> replace(writer, new Advisory.AlpineAdvisoryRecord(f)));
                            }

                            @Override
                            public void warning(FeedWarning w) {
                                s.malformed(file + ": " + w);
                            }
                        });
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IOException("importing " + file + " failed, the previous database is unchanged: "
                    + e.getMessage(), e);
        }
    }

    private static void osvFile(Path path, String name, IndexWriter writer, ImportStats s) throws IOException {
        OsvRecord record;
        try {
            record = new OsvParser().parse(Files.readAllBytes(path), name);
        } catch (OsvFormatException e) {
            s.malformed(name + ": " + e.getMessage());
            return;
        }
        osvRecord(record, writer, s);
    }

    private static void osvRecord(OsvRecord r, IndexWriter writer, ImportStats s) throws IOException {
        writer.deleteDocuments(new Term(AdvisoryFields.RECORD, AdvisoryFields.OSV + '|' + r.id()));
        if (r.isWithdrawn()) {
            s.withdrawn++;
            return;
        }
        Map<List<String>, List<OsvAffected>> byPackage = new LinkedHashMap<>();
        for (OsvAffected affected : r.affected()) {
            byPackage.computeIfAbsent(List.of(affected.pkg().ecosystem(), affected.pkg().name()),
                    k -> new ArrayList<>()).add(affected);
        }
        for (List<OsvAffected> entries : byPackage.values()) {
            // one document per package; references are not needed for matching and are left out, and details
            // only as the title when there is no summary (their first line), which keeps lookups cheap to decode
            OsvRecord reduced = new OsvRecord(r.schemaVersion(), r.id(), r.modified(), r.published(), null,
                    r.aliases(), r.upstream(), r.related(), r.summary(), r.summary() != null ? null : firstLine(r.details()),
                    r.severity(), entries, List.of(), r.databaseSpecific());
            writer.addDocument(AdvisoryFields.document(new Advisory.OsvAdvisory(reduced)));
        }
    }

    private static String firstLine(String text) {
        return text == null || text.isBlank() ? null : text.strip().lines().findFirst().orElse(null);
    }

    private static void replace(IndexWriter writer, Advisory a) throws IOException {
        writer.updateDocument(new Term(AdvisoryFields.KEY, AdvisoryFields.key(a)), AdvisoryFields.document(a));
    }

    private static ImportStats stats(Map<String, ImportStats> stats, String source, String file) {
        ImportStats s = stats.computeIfAbsent(source, k -> new ImportStats());
        s.files.add(file);
        return s;
    }

    private DatabaseStatus status(String name, Path genDir, DatabaseStatus previous, Map<String, ImportStats> stats)
            throws IOException {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        try (Directory dir = FSDirectory.open(genDir.resolve(VulnDbLayout.INDEX));
             DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<String> ecosystems = terms(reader, AdvisoryFields.ECOSYSTEM);
            for (String source : terms(reader, AdvisoryFields.SOURCE)) {
                for (String ecosystem : ecosystems) {
                    int n = searcher.count(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(AdvisoryFields.SOURCE, source)), BooleanClause.Occur.FILTER)
                            .add(new TermQuery(new Term(AdvisoryFields.ECOSYSTEM, ecosystem)), BooleanClause.Occur.FILTER)
                            .build());
                    if (n > 0) {
                        counts.computeIfAbsent(source, k -> new TreeMap<>()).put(ecosystem, (long) n);
                    }
                }
            }
        }
        Instant now = clock.instant();
        Map<String, SourceStatus> sources = new TreeMap<>();
        if (previous != null) {
            for (SourceStatus old : previous.sources()) {
                sources.put(old.source(), new SourceStatus(old.source(), old.importedAt(), old.files(),
                        counts.getOrDefault(old.source(), Map.of()), old.withdrawn(), old.malformed(),
                        old.malformedNames()));
            }
        }
        stats.forEach((source, s) -> sources.put(source, new SourceStatus(source, now, s.files,
                counts.getOrDefault(source, Map.of()), s.withdrawn, s.malformed, s.malformedNames)));
        return new DatabaseStatus(name, now, List.copyOf(sources.values()));
    }

    private static List<String> terms(DirectoryReader reader, String field) throws IOException {
        List<String> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                out.add(t.utf8ToString());
            }
        }
        return out;
    }

    /** Points {@code CURRENT} at {@code name}: the only step that changes which generation is live. */
    private void makeCurrent(String name) throws IOException {
        Path tmp = layout.root.resolve(VulnDbLayout.CURRENT + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, layout.root.resolve(VulnDbLayout.CURRENT), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        IOUtils.fsync(layout.root, true);
    }

    /** Deletes every generation directory but {@code keep}; best effort (a failure is retried by the next import). */
    private void deleteGenerations(String keep) throws IOException {
        try (Stream<Path> children = Files.list(layout.root)) {
            for (Path child : children.toList()) {
                String n = child.getFileName().toString();
                if (VulnDbLayout.number(n) >= 0 && !n.equals(keep) && Files.isDirectory(child)) {
                    deleteTree(child);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the next import to remove; never live, since CURRENT does not name it
        }
    }

    private static Kind detect(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return Kind.DIRECTORY;
        }
        Kind kind = detectFile(path);
        if (kind == null) {
            throw new IOException("cannot import " + path + ": not an OSV record, OSV zip, "
                    + "Debian tracker JSON or Alpine secdb JSON");
        }
        return kind;
    }

    /** The kind of a file from its first bytes, or null when it is none of the feed formats. */
    private static Kind detectFile(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return switch (FeedFormat.detect(head)) {
            case OSV_RECORD -> Kind.OSV_RECORD;
            case OSV_ZIP -> Kind.OSV_ZIP;
            case DEBIAN_TRACKER -> Kind.DEBIAN_TRACKER;
            case ALPINE_SECDB -> Kind.ALPINE_SECDB;
            case UNKNOWN -> null;
        };
    }

    /** Files a directory import looks at: {@code .json} and {@code .zip}; others (notes, READMEs) are passed over. */
    private static boolean isFeedName(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".zip");
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
