package dev.strata.scanner.vuln.osv;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an osv.dev bulk export ({@code <Ecosystem>/all.zip}, one {@code <ID>.json} per record) as a lazy stream of
 * records, in zip order. A record that does not parse, or exceeds {@link #MAX_RECORD_BYTES}, is reported to the
 * {@code onSkipped} callback and skipped; entries not ending in {@code .json} and directories are ignored. A zip that
 * is truncated or corrupt (bad compressed data, CRC mismatch, missing end-of-central-directory record) makes the
 * stream throw {@link OsvZipException} naming the zip. Close the returned stream to close the input.
 */
public final class OsvZipReader {

    /** Largest record accepted (uncompressed); the largest osv.dev records are a few MiB. */
    public static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

    private final OsvParser parser;

    public OsvZipReader() {
        this(new OsvParser());
    }

    public OsvZipReader(OsvParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** The records of the zip file at {@code zip}, named by its path in messages. */
    public Stream<OsvRecord> records(Path zip, Consumer<SkippedRecord> onSkipped) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(zip));
        return records(in, zip.toString(), onSkipped);
    }

    /** The records of a zip read from {@code zip}; {@code zipName} names it in messages. */
    public Stream<OsvRecord> records(InputStream zip, String zipName, Consumer<SkippedRecord> onSkipped) {
        Objects.requireNonNull(zipName, "zipName");
        Objects.requireNonNull(onSkipped, "onSkipped");
        TailTrackingInputStream tracked = new TailTrackingInputStream(Objects.requireNonNull(zip, "zip"));
        ZipInputStream entries = new ZipInputStream(tracked);
        Entries spliterator = new Entries(entries, tracked, zipName, onSkipped);
        return StreamSupport.stream(spliterator, false).onClose(() -> {
            try {
                entries.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing OSV zip " + zipName, e);
            }
        });
    }

    /** Walks the zip entries, parsing each JSON entry. */
    private final class Entries extends Spliterators.AbstractSpliterator<OsvRecord> {
        private final ZipInputStream zip;
        private final TailTrackingInputStream tracked;
        private final String zipName;
        private final Consumer<SkippedRecord> onSkipped;
        private boolean done;

        Entries(ZipInputStream zip, TailTrackingInputStream tracked, String zipName, Consumer<SkippedRecord> onSkipped) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.zip = zip;
            this.tracked = tracked;
            this.zipName = zipName;
            this.onSkipped = onSkipped;
        }

        @Override
        public boolean tryAdvance(Consumer<? super OsvRecord> action) {
            while (!done) {
                ZipEntry entry = nextEntry();
                if (entry == null) {
                    done = true;
                    checkEnd();
                    return false;
                }
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    continue;
                }
                byte[] json = readEntry(entry);
                if (json == null) {
                    onSkipped.accept(new SkippedRecord(zipName, entry.getName(), null,
                            "record larger than " + MAX_RECORD_BYTES + " bytes"));
                    continue;
                }
                try {
                    action.accept(parser.parse(json, entry.getName()));
                    return true;
                } catch (OsvFormatException e) {
                    onSkipped.accept(new SkippedRecord(zipName, entry.getName(), e.recordId(), e.getMessage()));
                }
            }
            return false;
        }

        private ZipEntry nextEntry() {
            try {
                return zip.getNextEntry();
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        /** The entry's bytes, or null if it exceeds the limit (the rest of it is then skipped). */
        private byte[] readEntry(ZipEntry entry) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(
                        entry.getSize() > 0 && entry.getSize() <= MAX_RECORD_BYTES ? (int) entry.getSize() : 8192);
                byte[] buffer = new byte[8192];
                int n;
                while ((n = zip.read(buffer)) >= 0) {
                    if (out.size() + n > MAX_RECORD_BYTES) {
                        while (zip.read(buffer) >= 0) {
                            // skip the rest of the oversized entry (still checks its CRC)
                        }
                        return null;
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        /** ZipInputStream ends quietly when the input stops between entries; the end record must be there. */
        private void checkEnd() {
            try {
                tracked.drain();
            } catch (IOException e) {
                throw corrupt(e);
            }
            if (!tracked.endsWithZipEndRecord()) {
                throw new OsvZipException(zipName, "truncated or not a zip: no end-of-central-directory record",
                        new IOException("zip ends without its central directory"));
            }
        }

        private OsvZipException corrupt(IOException e) {
            return new OsvZipException(zipName, "truncated or corrupt: " + e, e);
        }
    }
}
