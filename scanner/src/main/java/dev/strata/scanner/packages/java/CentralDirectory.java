package dev.strata.scanner.packages.java;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.InflaterInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads the central directory of a ZIP archive held in memory, keeping only the entries a caller asks for:
 * listing a jar of thousands of classes to find its few metadata entries costs a scan of the directory, not
 * an object per entry. Only plain archives are read — ZIP64, encryption, data before the first entry and
 * methods other than STORED and DEFLATED are a {@link ZipException}, for the caller to fall back to a stream.
 */
final class CentralDirectory {
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CEN_SIGNATURE = 0x02014b50;
    private static final int LOC_SIGNATURE = 0x04034b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    /** One kept entry: its name, compression method, sizes and where its local header is. */
    record Entry(String name, int method, long compressedSize, long size, long localHeaderOffset) {
        boolean isDirectory() {
            return name.endsWith("/");
        }
    }

    private final byte[] data;
    private final List<Entry> entries;
    private final int totalEntries;

    private CentralDirectory(byte[] data, List<Entry> entries, int totalEntries) {
        this.data = data;
        this.entries = entries;
        this.totalEntries = totalEntries;
    }

    /** Parses the directory of {@code data}, keeping the entries whose name {@code keep} accepts. */
    static CentralDirectory read(byte[] data, Predicate<String> keep) throws ZipException {
        int eocd = findEndRecord(data);
        int count = u16(data, eocd + 10);
        long cdSize = u32(data, eocd + 12);
        long cdOffset = u32(data, eocd + 16);
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw new ZipException("ZIP64 archive");
        }
        if (cdOffset + cdSize != eocd) {
            throw new ZipException("data before the first entry or a damaged directory");
        }
        List<Entry> kept = new ArrayList<>();
        int pos = (int) cdOffset;
        for (int i = 0; i < count; i++) {
            if (pos + 46 > eocd || u32(data, pos) != CEN_SIGNATURE) {
                throw new ZipException("damaged central directory at entry " + i);
            }
            int flags = u16(data, pos + 8);
            int method = u16(data, pos + 10);
            long compressed = u32(data, pos + 20);
            long size = u32(data, pos + 24);
            int nameLength = u16(data, pos + 28);
            int extraLength = u16(data, pos + 30);
            int commentLength = u16(data, pos + 32);
            long local = u32(data, pos + 42);
            if (pos + 46 + nameLength > eocd) {
                throw new ZipException("damaged central directory at entry " + i);
            }
            Charset charset = (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            String name = new String(data, pos + 46, nameLength, charset);
            if (keep.test(name)) {
                if ((flags & 1) != 0) {
                    throw new ZipException("encrypted entry " + name);
                }
                if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                    throw new ZipException("ZIP64 entry " + name);
                }
                kept.add(new Entry(name, method, compressed, size, local));
            }
            pos += 46 + nameLength + extraLength + commentLength;
        }
        return new CentralDirectory(data, List.copyOf(kept), count);
    }

    /** The kept entries in directory order. */
    List<Entry> entries() {
        return entries;
    }

    /** How many entries the archive has in all. */
    int totalEntries() {
        return totalEntries;
    }

    /** The entry's content: a view of the stored bytes, or an inflating stream over them. */
    InputStream open(Entry entry) throws ZipException {
        long local = entry.localHeaderOffset();
        if (local + 30 > data.length || u32(data, (int) local) != LOC_SIGNATURE) {
            throw new ZipException("bad local header for " + entry.name());
        }
        long start = local + 30 + u16(data, (int) local + 26) + u16(data, (int) local + 28);
        if (start + entry.compressedSize() > data.length) {
            throw new ZipException("entry " + entry.name() + " runs past the end of the archive");
        }
        InputStream raw = new ByteArrayInputStream(data, (int) start, (int) entry.compressedSize());
        return switch (entry.method()) {
            case 0 -> raw;
            case 8 -> new InflaterInputStream(raw, new Inflater(true), 8192);
            default -> throw new ZipException("entry " + entry.name() + " uses compression method " + entry.method());
        };
    }

    private static int findEndRecord(byte[] data) throws ZipException {
        int lowest = Math.max(0, data.length - EOCD_SIZE - MAX_COMMENT);
        for (int pos = data.length - EOCD_SIZE; pos >= lowest; pos--) {
            if (u32(data, pos) == EOCD_SIGNATURE && pos + EOCD_SIZE + u16(data, pos + 20) == data.length) {
                return pos;
            }
        }
        throw new ZipException("no end of central directory record");
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
