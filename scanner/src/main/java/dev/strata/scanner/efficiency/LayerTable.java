package dev.strata.scanner.efficiency;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One layer's entries as columns (row = position in tar order) plus the rows ordered by path: the input of
 * {@link EfficiencyCalculator}, built by the index straight from doc values without an object per entry.
 *
 * <p>Content identity is {@code contentKeys[row]}, the first 64 bits of the sha256 (see {@link #contentKey}),
 * meaningful where {@code hasContent[row]}; {@code sha256} holds the full digests when the caller has them
 * (null otherwise: reported digests are then the {@link #standIn} of the key). {@code byPath} lists every row
 * sorted by path in code-point order (the UTF-8 byte order Lucene sorts terms in), ties in tar order.
 * The arrays are owned by the table once passed in.
 */
public final class LayerTable {
    private final String diffId;
    private final long size;
    private final String[] paths;
    private final EntryType[] types;
    private final long[] sizes;
    private final int[] modes;
    private final long[] uids;
    private final long[] gids;
    private final long[] contentKeys;
    private final boolean[] hasContent;
    private final Digest[] sha256;
    private final int[] byPath;

    public LayerTable(String diffId, long size, String[] paths, EntryType[] types, long[] sizes, int[] modes,
                      long[] uids, long[] gids, long[] contentKeys, boolean[] hasContent, Digest[] sha256,
                      int[] byPath) {
        int n = paths.length;
        if (types.length != n || sizes.length != n || modes.length != n || uids.length != n || gids.length != n
                || contentKeys.length != n || hasContent.length != n || (sha256 != null && sha256.length != n)
                || byPath.length != n) {
            throw new IllegalArgumentException("layer " + diffId + ": columns of unequal length");
        }
        this.diffId = diffId;
        this.size = size;
        this.paths = paths;
        this.types = types;
        this.sizes = sizes;
        this.modes = modes;
        this.uids = uids;
        this.gids = gids;
        this.contentKeys = contentKeys;
        this.hasContent = hasContent;
        this.sha256 = sha256;
        this.byPath = byPath;
    }

    /** The table of a layer given as entries (full digests kept). */
    public static LayerTable of(EfficiencyLayer layer) {
        List<LayerEntry> entries = layer.entries();
        int n = entries.size();
        String[] paths = new String[n];
        EntryType[] types = new EntryType[n];
        long[] sizes = new long[n];
        int[] modes = new int[n];
        long[] uids = new long[n];
        long[] gids = new long[n];
        long[] keys = new long[n];
        boolean[] has = new boolean[n];
        Digest[] sha = new Digest[n];
        for (int i = 0; i < n; i++) {
            LayerEntry e = entries.get(i);
            paths[i] = e.path();
            types[i] = e.type();
            sizes[i] = e.size();
            modes[i] = e.mode();
            uids[i] = e.uid();
            gids[i] = e.gid();
            sha[i] = e.sha256();
            has[i] = e.sha256() != null;
            keys[i] = has[i] ? contentKey(e.sha256()) : 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer, String>comparing(i -> paths[i], LayerTable::compareCodePoints)
                .thenComparingInt(i -> i));
        int[] byPath = new int[n];
        for (int i = 0; i < n; i++) {
            byPath[i] = order[i];
        }
        return new LayerTable(layer.diffId(), layer.size(), paths, types, sizes, modes, uids, gids, keys, has, sha,
                byPath);
    }

    /** The first 64 bits of a sha256 digest, as the index stores them per file. */
    public static long contentKey(Digest sha256) {
        return Long.parseUnsignedLong(sha256.hex().substring(0, 16), 16);
    }

    /** The stand-in digest text of a content key: its 16 hex digits and 48 zeros (identity only). */
    public static String standIn(long key) {
        String hex = Long.toHexString(key);
        return "sha256:" + "0".repeat(16 - hex.length()) + hex + "0".repeat(48);
    }

    /** Compares by Unicode code point (= UTF-8 byte order), unlike {@link String#compareTo} for surrogates. */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    // surrogates (code points above U+FFFF) sort after U+E000..U+FFFF
                    x = (char) (Character.isSurrogate(x) ? x + 0x2000 : x - 0x800);
                    y = (char) (Character.isSurrogate(y) ? y + 0x2000 : y - 0x800);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    public String diffId() {
        return diffId;
    }

    public long size() {
        return size;
    }

    public int rows() {
        return paths.length;
    }

    String path(int row) {
        return paths[row];
    }

    EntryType type(int row) {
        return types[row];
    }

    long entrySize(int row) {
        return sizes[row];
    }

    int mode(int row) {
        return modes[row];
    }

    long uid(int row) {
        return uids[row];
    }

    long gid(int row) {
        return gids[row];
    }

    boolean hasContent(int row) {
        return hasContent[row];
    }

    long contentKey(int row) {
        return contentKeys[row];
    }

    /** The full digest of a row when known, else null. */
    Digest sha256(int row) {
        return sha256 == null ? null : sha256[row];
    }

    /** The reported digest text of a row: the full digest when known, else the stand-in of its key; null without content. */
    String digestText(int row) {
        if (!hasContent[row]) {
            return null;
        }
        Digest d = sha256(row);
        return d != null ? d.toString() : standIn(contentKeys[row]);
    }

    /** The row at position {@code i} of the path order. */
    int rowByPath(int i) {
        return byPath[i];
    }

    @Override
    public String toString() {
        return "LayerTable[" + diffId + ", " + rows() + " rows]";
    }
}
