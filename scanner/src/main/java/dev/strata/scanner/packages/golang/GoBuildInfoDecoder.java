package dev.strata.scanner.packages.golang;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the build-info blob at the start of a Go binary's {@code .go.buildinfo} section. Layout: the 14-byte
 * magic {@code \xff Go buildinf:}, the pointer size (4 or 8), a flags byte, padding to 32 bytes; with flag
 * {@code 0x2} (Go 1.18 and later) the toolchain version and the modinfo text follow inline, each as an unsigned
 * LEB128 varint length and that many bytes. Without the flag (before Go 1.18) the header holds pointers to the
 * strings elsewhere in the binary, which a stream cannot follow: that case is reported as unreadable.
 */
public final class GoBuildInfoDecoder {

    /** {@code \xff Go buildinf:}. */
    static final byte[] MAGIC = {(byte) 0xff, ' ', 'G', 'o', ' ', 'b', 'u', 'i', 'l', 'd', 'i', 'n', 'f', ':'};
    static final int HEADER_SIZE = 32;
    static final String OLD_FORMAT = "Go binary built before Go 1.18: build info not read";

    private static final int FLAG_INLINE = 0x2;
    private static final int FLAG_ENDIAN_MASK = 0x1;

    private GoBuildInfoDecoder() {
    }

    /** Whether the 16 bytes at {@code at} start a plausible build-info header (magic, pointer size, flags). */
    static boolean isHeader(byte[] buf, int at, int limit) {
        if (at + 16 > limit) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (buf[at + i] != MAGIC[i]) {
                return false;
            }
        }
        int ptrSize = buf[at + 14];
        int flags = buf[at + 15] & 0xff;
        return (ptrSize == 4 || ptrSize == 8) && (flags & ~(FLAG_INLINE | FLAG_ENDIAN_MASK)) == 0;
    }

    /** Decodes {@code blob}, which starts with the magic and holds as much of the section as was available. */
    public static GoBuildInfoDecoding decode(byte[] blob) {
        if (!isHeader(blob, 0, blob.length)) {
            return new GoBuildInfoDecoding.Unreadable("no Go build-info header");
        }
        if ((blob[15] & FLAG_INLINE) == 0) {
            return new GoBuildInfoDecoding.Unreadable(OLD_FORMAT);
        }
        int[] pos = {HEADER_SIZE};
        String version = string(blob, pos);
        if (version == null) {
            return new GoBuildInfoDecoding.Unreadable("truncated Go build info (toolchain version)");
        }
        String modinfo = string(blob, pos);
        if (modinfo == null) {
            return new GoBuildInfoDecoding.Unreadable("truncated Go build info (module information)");
        }
        if (!version.startsWith("go") && !version.startsWith("devel")) {
            return new GoBuildInfoDecoding.Unreadable("malformed Go build info: toolchain version '"
                    + (version.length() > 40 ? version.substring(0, 40) + "..." : version) + "'");
        }
        return new GoBuildInfoDecoding.Decoded(GoModInfoParser.parse(version, modinfo));
    }

    /** A varint-length-prefixed string at {@code pos[0]}, advancing it; null when it does not fit. */
    private static String string(byte[] blob, int[] pos) {
        long length = uvarint(blob, pos);
        if (length < 0 || length > blob.length - pos[0]) {
            return null;
        }
        String s = new String(blob, pos[0], (int) length, StandardCharsets.UTF_8);
        pos[0] += (int) length;
        return s;
    }

    /** An unsigned LEB128 varint (at most 10 bytes, as Go's binary.Uvarint); -1 when truncated or overflowing. */
    static long uvarint(byte[] blob, int[] pos) {
        long x = 0;
        int shift = 0;
        for (int i = 0; i < 10; i++) {
            if (pos[0] >= blob.length) {
                return -1;
            }
            int b = blob[pos[0]++] & 0xff;
            if (b < 0x80) {
                if (i == 9 && b > 1) {
                    return -1;
                }
                x |= (long) b << shift;
                return x < 0 ? -1 : x;
            }
            x |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        return -1;
    }
}
