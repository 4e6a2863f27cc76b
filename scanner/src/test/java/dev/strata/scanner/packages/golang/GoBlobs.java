package dev.strata.scanner.packages.golang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Synthetic Go build-info blobs and binaries, built from the documented layout. */
final class GoBlobs {

    static final byte[] START_SENTINEL = hex("3077af0c9274080241e1c107e6d618e6");
    static final byte[] END_SENTINEL = hex("f932433186182072008242104116d8f2");

    private GoBlobs() {
    }

    static byte[] header(int ptrSize, int flags) {
        byte[] h = new byte[32];
        System.arraycopy(GoBuildInfoDecoder.MAGIC, 0, h, 0, 14);
        h[14] = (byte) ptrSize;
        h[15] = (byte) flags;
        return h;
    }

    static byte[] uvarint(long v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    /** An inline (Go 1.18+) blob with the modinfo wrapped in sentinels. */
    static byte[] inline(String goVersion, String modinfo) {
        ByteArrayOutputStream mod = new ByteArrayOutputStream();
        mod.writeBytes(START_SENTINEL);
        mod.writeBytes(modinfo.getBytes(StandardCharsets.UTF_8));
        mod.writeBytes(END_SENTINEL);
        return inlineRaw(goVersion.getBytes(StandardCharsets.UTF_8), mod.toByteArray());
    }

    static byte[] inlineRaw(byte[] version, byte[] modinfo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(8, 0x2));
        out.writeBytes(uvarint(version.length));
        out.writeBytes(version);
        out.writeBytes(uvarint(modinfo.length));
        out.writeBytes(modinfo);
        return out.toByteArray();
    }

    /** An ELF-looking file of {@code size} bytes with {@code blob} at {@code offset}. */
    static byte[] elf(int size, int offset, byte[] blob) {
        byte[] f = new byte[size];
        f[0] = 0x7f;
        f[1] = 'E';
        f[2] = 'L';
        f[3] = 'F';
        if (blob != null) {
            System.arraycopy(blob, 0, f, offset, Math.min(blob.length, size - offset));
        }
        return f;
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
