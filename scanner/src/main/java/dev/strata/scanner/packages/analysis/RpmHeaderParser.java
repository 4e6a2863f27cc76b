package dev.strata.scanner.packages.analysis;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an rpm header blob as stored in the rpm database (the header structure of the rpm file format without
 * its 8-byte magic): big-endian index count and data length, that many 16-byte index entries
 * {@code (tag, type, offset, count)}, then the data store. Only the tags inventory needs are decoded.
 */
public final class RpmHeaderParser {

    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int LICENSE = 1014;
    static final int ARCH = 1022;
    static final int OLDFILENAMES = 1027;
    static final int SOURCERPM = 1044;
    static final int DIRINDEXES = 1116;
    static final int BASENAMES = 1117;
    static final int DIRNAMES = 1118;

    static final int TYPE_INT32 = 4;
    static final int TYPE_STRING = 6;
    static final int TYPE_STRING_ARRAY = 8;
    static final int TYPE_I18NSTRING = 9;

    private static final int MAX_INDEX_ENTRIES = 1 << 20;
    private static final int MAX_DATA_BYTES = 256 << 20;

    /** A decoded index entry: its type, count and the offset of its value in the data store. */
    private record Entry(int type, int offset, int count) {
    }

    /**
     * Parses one header blob.
     *
     * @throws IllegalArgumentException when the blob is truncated or inconsistent, or lacks NAME, VERSION or RELEASE
     */
    public RpmHeader parse(byte[] blob) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(blob);
            int indexCount = buf.getInt();
            int dataLength = buf.getInt();
            if (indexCount < 0 || indexCount > MAX_INDEX_ENTRIES || dataLength < 0 || dataLength > MAX_DATA_BYTES) {
                throw new IllegalArgumentException("implausible header: " + indexCount + " entries, "
                        + dataLength + " data bytes");
            }
            int dataStart = 8 + indexCount * 16;
            if ((long) dataStart + dataLength > blob.length) {
                throw new IllegalArgumentException("header truncated: needs " + ((long) dataStart + dataLength)
                        + " bytes, has " + blob.length);
            }
            Map<Integer, Entry> entries = new HashMap<>();
            for (int i = 0; i < indexCount; i++) {
                int tag = buf.getInt();
                int type = buf.getInt();
                int offset = buf.getInt();
                int count = buf.getInt();
                if (offset < 0 || offset >= dataLength && count > 0 || count < 0) {
                    throw new IllegalArgumentException("tag " + tag + ": offset " + offset + " outside the data");
                }
                entries.putIfAbsent(tag, new Entry(type, offset, count));
            }
            Data data = new Data(blob, dataStart, dataLength);
            String name = data.string(entries.get(NAME), "NAME");
            String version = data.string(entries.get(VERSION), "VERSION");
            String release = data.string(entries.get(RELEASE), "RELEASE");
            if (name == null || version == null || release == null) {
                throw new IllegalArgumentException("header without NAME, VERSION or RELEASE");
            }
            int[] epoch = data.ints(entries.get(EPOCH), "EPOCH");
            return new RpmHeader(name, epoch == null || epoch.length == 0 ? null : epoch[0], version, release,
                    data.string(entries.get(ARCH), "ARCH"), data.string(entries.get(SOURCERPM), "SOURCERPM"),
                    data.string(entries.get(LICENSE), "LICENSE"), files(entries, data));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("header truncated", e);
        }
    }

    private static List<String> files(Map<Integer, Entry> entries, Data data) {
        List<String> basenames = data.strings(entries.get(BASENAMES), "BASENAMES");
        if (basenames == null) {
            List<String> old = data.strings(entries.get(OLDFILENAMES), "OLDFILENAMES");
            return old == null ? List.of() : old;
        }
        List<String> dirnames = data.strings(entries.get(DIRNAMES), "DIRNAMES");
        int[] dirIndexes = data.ints(entries.get(DIRINDEXES), "DIRINDEXES");
        if (dirnames == null || dirIndexes == null || dirIndexes.length != basenames.size()) {
            throw new IllegalArgumentException("BASENAMES without matching DIRNAMES and DIRINDEXES");
        }
        List<String> out = new ArrayList<>(basenames.size());
        for (int i = 0; i < basenames.size(); i++) {
            int d = dirIndexes[i];
            if (d < 0 || d >= dirnames.size()) {
                throw new IllegalArgumentException("DIRINDEXES[" + i + "] = " + d + " outside DIRNAMES");
            }
            out.add(dirnames.get(d) + basenames.get(i));
        }
        return out;
    }

    /** The data store of a header, with bounds-checked readers. */
    private static final class Data {
        private final byte[] blob;
        private final int start;
        private final int length;

        Data(byte[] blob, int start, int length) {
            this.blob = blob;
            this.start = start;
            this.length = length;
        }

        String string(Entry e, String tag) {
            if (e == null) {
                return null;
            }
            if (e.type() != TYPE_STRING && e.type() != TYPE_I18NSTRING && e.type() != TYPE_STRING_ARRAY) {
                throw new IllegalArgumentException(tag + " has type " + e.type() + ", not a string");
            }
            return e.count() == 0 ? null : readStrings(e.offset(), 1, tag).get(0);
        }

        List<String> strings(Entry e, String tag) {
            if (e == null) {
                return null;
            }
            if (e.type() != TYPE_STRING_ARRAY && e.type() != TYPE_I18NSTRING) {
                throw new IllegalArgumentException(tag + " has type " + e.type() + ", not a string array");
            }
            return readStrings(e.offset(), e.count(), tag);
        }

        int[] ints(Entry e, String tag) {
            if (e == null) {
                return null;
            }
            if (e.type() != TYPE_INT32) {
                throw new IllegalArgumentException(tag + " has type " + e.type() + ", not INT32");
            }
            if ((long) e.offset() + 4L * e.count() > length) {
                throw new IllegalArgumentException(tag + " runs past the data store");
            }
            ByteBuffer b = ByteBuffer.wrap(blob, start + e.offset(), 4 * e.count());
            int[] out = new int[e.count()];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getInt();
            }
            return out;
        }

        private List<String> readStrings(int offset, int count, String tag) {
            List<String> out = new ArrayList<>(Math.min(count, 1 << 16));
            int pos = start + offset;
            int end = start + length;
            for (int i = 0; i < count; i++) {
                int nul = pos;
                while (nul < end && blob[nul] != 0) {
                    nul++;
                }
                if (nul >= end) {
                    throw new IllegalArgumentException(tag + ": string not terminated inside the data store");
                }
                out.add(new String(blob, pos, nul - pos, StandardCharsets.UTF_8));
                pos = nul + 1;
            }
            return out;
        }
    }
}
