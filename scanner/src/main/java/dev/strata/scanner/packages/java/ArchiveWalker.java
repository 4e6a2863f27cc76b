package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.analysis.AnalysisSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads one archive front to back with {@link ZipArchiveInputStream} (local headers only, never the central
 * directory, never to disk), descends into nested archives from the same stream, and reports each archive's
 * packages with its SHA-1 once the archive has been read to its end.
 *
 * <p>Entries of no interest are skipped without inflating them, except DEFLATED entries with a data descriptor,
 * whose end can only be found by inflating them: those are read under the limits too (an outer-level zip bomb).
 *
 * <p>An archive that is not a ZIP, is cut short or has no end of central directory record gives a warning; of what
 * it held only the complete {@code pom.properties} read before the break are reported (explicit coordinates are
 * certain; the manifest and file-name fallbacks are not, as a pom.properties may have followed), with no SHA-1
 * since the archive's bytes are incomplete. Nested archives finished before the break stay reported. An archive
 * that exceeds an {@link ArchiveLimits} bound is skipped with a warning and reports nothing itself.
 */
final class ArchiveWalker {

    private static final int MAX_METADATA_BYTES = 1 << 20;
    private static final int MAX_PREAMBLE = 1 << 20;
    /** Archives up to this size are read into memory and opened by their central directory. */
    static final int MAX_BUFFERED = 32 << 20;

    private final ArchiveBudget budget;
    private final AnalysisSink sink;
    private final PomPropertiesParser pomParser = new PomPropertiesParser();
    private final JarManifestParser manifestParser = new JarManifestParser();

    private final int maxBuffered;

    ArchiveWalker(ArchiveBudget budget, AnalysisSink sink) {
        this(budget, sink, MAX_BUFFERED);
    }

    /** {@code maxBuffered}: largest archive opened in memory by its central directory (0: always stream). */
    ArchiveWalker(ArchiveBudget budget, AnalysisSink sink, int maxBuffered) {
        this.budget = budget;
        this.sink = sink;
        this.maxBuffered = maxBuffered;
    }

    /**
     * Reads the archive at {@code location} (nesting level {@code level}) from {@code raw}; never closes it. An
     * archive of at most {@link #MAX_BUFFERED} bytes (by default) is read into memory and opened by its central directory, so
     * only the entries that identify it are inflated (most jars write DEFLATED entries with data descriptors, which
     * a stream reader can only step over by inflating them); larger ones are walked as a stream.
     */
    void walk(String location, InputStream raw, int level) throws IOException {
        byte[] head;
        try {
            head = raw.readNBytes(maxBuffered + 1);
        } catch (ArchiveLimitException e) {
            warn(location, e.getMessage() + "; archive skipped");
            return;
        }
        if (head.length <= maxBuffered) {
            walkBuffered(location, head, level);
        } else {
            walkStream(location, new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), raw), level);
        }
    }

    /**
     * Walks an archive held in memory through its central directory; an archive that has none readable (not a
     * ZIP, truncated, a launch script in front) is walked as a stream instead, which reports what is wrong.
     */
    private void walkBuffered(String location, byte[] data, int level) throws IOException {
        List<MavenCoordinates> poms = new ArrayList<>();
        JarManifest manifest = null;
        try {
            CentralDirectory zip = CentralDirectory.read(data,
                    name -> isPomProperties(name) || name.equalsIgnoreCase("META-INF/MANIFEST.MF") || isArchiveName(name));
            for (int i = 0; i < zip.totalEntries(); i++) {
                budget.entry();
            }
            for (CentralDirectory.Entry entry : zip.entries()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.name();
                if (isPomProperties(name)) {
                    var parsed = pomParser.parse(metadata(budget.meter(zip.open(entry), entry::compressedSize)));
                    poms.addAll(parsed.items());
                    parsed.warnings().forEach(w -> warn(location + "!/" + name, w.toString()));
                } else if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    manifest = manifestParser.parse(metadata(budget.meter(zip.open(entry), entry::compressedSize)));
                } else {
                    String inner = location + "!/" + name;
                    if (level + 1 > budget.limits().maxNesting()) {
                        warn(inner, "nested deeper than " + budget.limits().maxNesting() + "; archive skipped");
                    } else {
                        try (InputStream in = zip.open(entry)) {
                            walk(inner, budget.meter(in, entry::compressedSize), level + 1);
                        }
                    }
                }
            }
        } catch (ArchiveLimitException e) {
            warn(location, e.getMessage() + "; archive skipped");
            return;
        } catch (SourceIOException | SinkFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            walkStream(location, new java.io.ByteArrayInputStream(data), level);
            return;
        }
        String sha1 = java.util.HexFormat.of().formatHex(sha1(data));
        for (DetectedPackage p : ArchiveIdentity.decide(location, poms, manifest)) {
            found(p, sha1);
        }
    }

    private static byte[] sha1(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    /** Reads the archive front to back as a stream (see the class comment). */
    private void walkStream(String location, InputStream raw, int level) throws IOException {
        ArchiveStream bytes = new ArchiveStream(raw);
        List<MavenCoordinates> poms = new ArrayList<>();
        JarManifest manifest = null;
        boolean complete = false;
        try {
            BufferedInputStream peek = new BufferedInputStream(bytes, 1 << 16);
            if (!atZipStart(peek)) {
                warn(location, "not a ZIP archive");
                return;
            }
            try (ZipArchiveInputStream zip = new ZipArchiveInputStream(peek, "UTF-8", true, true)) {
                ZipArchiveEntry entry;
                while ((entry = zip.getNextZipEntry()) != null) {
                    budget.entry();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    String name = entry.getName();
                    if (isPomProperties(name)) {
                        var parsed = pomParser.parse(metadata(zip));
                        poms.addAll(parsed.items());
                        parsed.warnings().forEach(w -> warn(location + "!/" + name, w.toString()));
                    } else if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        manifest = manifestParser.parse(metadata(zip));
                    } else if (isArchiveName(name)) {
                        nested(location + "!/" + name, zip, level + 1);
                    } else if (inflatedToSkip(entry)) {
                        // ZipArchiveInputStream would inflate it anyway to find its end: do so under the limits
                        budget.meter(zip, zip::getCompressedCount).transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
            bytes.drain();
            complete = bytes.endsWithCentralDirectory();
            if (!complete) {
                warn(location, "truncated ZIP archive: no end of central directory record");
            }
        } catch (SourceIOException | SinkFailure e) {
            throw e;
        } catch (ArchiveLimitException e) {
            warn(location, e.getMessage() + "; archive skipped");
            return;
        } catch (IOException | RuntimeException e) {
            warn(location, "broken ZIP archive: " + describe(e));
        }
        if (complete) {
            String sha1 = bytes.sha1Hex();
            for (DetectedPackage p : ArchiveIdentity.decide(location, poms, manifest)) {
                found(p, sha1);
            }
        } else {
            for (DetectedPackage p : ArchiveIdentity.fromPomProperties(location, poms)) {
                found(p, null);
            }
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.io.EOFException) {
            return "unexpected end of data";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void warn(String path, String message) {
        try {
            sink.warning(path, message);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    private void found(DetectedPackage pkg, String sha1) {
        try {
            sink.foundPackage(pkg, sha1);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /** A failure of the sink itself; it must not be mistaken for a broken archive. */
    static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private void nested(String location, ZipArchiveInputStream zip, int level) throws IOException {
        // a nested archive read from a stream may itself be small enough to open by its central directory
        if (level > budget.limits().maxNesting()) {
            warn(location, "nested deeper than " + budget.limits().maxNesting() + "; archive skipped");
            return;
        }
        walk(location, budget.meter(zip, zip::getCompressedCount), level);
    }

    private InputStream metadata(ZipArchiveInputStream zip) throws IOException {
        return metadata(budget.meter(zip, zip::getCompressedCount));
    }

    /** A metadata entry's (metered) content, read whole: at most {@link #MAX_METADATA_BYTES}. */
    private static InputStream metadata(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_METADATA_BYTES + 1);
        if (data.length > MAX_METADATA_BYTES) {
            throw new ArchiveLimitException("metadata entry larger than " + MAX_METADATA_BYTES + " bytes");
        }
        return new java.io.ByteArrayInputStream(data);
    }

    /**
     * Whether the stream starts a ZIP archive (a local file header, or the end record of an empty archive), after
     * skipping a launch script of at most {@link #MAX_PREAMBLE} bytes that starts with {@code #!} (Spring Boot
     * "fully executable" jars); the stream is left at the archive's first record.
     */
    private static boolean atZipStart(BufferedInputStream in) throws IOException {
        byte[] magic = peek(in);
        if (magic.length == 4 && magic[0] == '#' && magic[1] == '!') {
            for (int skipped = 0; skipped < MAX_PREAMBLE; skipped++) {
                magic = peek(in);
                if (magic.length < 4 || isLocalHeader(magic)) {
                    break;
                }
                in.read();
            }
            return isLocalHeader(magic);
        }
        return isLocalHeader(magic) || (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 5
                && magic[3] == 6);
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        return magic;
    }

    private static boolean isLocalHeader(byte[] magic) {
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static boolean inflatedToSkip(ZipArchiveEntry entry) {
        return entry.getMethod() == ZipArchiveEntry.DEFLATED && entry.getGeneralPurposeBit().usesDataDescriptor();
    }

    static boolean isPomProperties(String name) {
        return name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties");
    }

    /** Whether an entry or file name is a Java archive: {@code .jar .war .ear .jpi .hpi}, any case. */
    static boolean isArchiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear")
                || lower.endsWith(".jpi") || lower.endsWith(".hpi");
    }
}
