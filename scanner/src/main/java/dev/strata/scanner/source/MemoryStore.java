package dev.strata.scanner.source;

import dev.strata.scanner.image.ImageFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * What one pass over a compressed tar kept: every entry's size, and the contents of the small entries
 * (≤ 4 MiB each, ≤ 64 MiB in all), which is enough to resolve an image.
 */
final class MemoryStore implements BlobStore {
    static final long TOTAL_LIMIT = 64L * 1024 * 1024;

    private final String describe;
    final Map<String, Long> sizes = new HashMap<>();
    private final Map<String, byte[]> contents = new HashMap<>();
    private long kept;

    MemoryStore(String describe) {
        this.describe = describe;
    }

    /** Records an entry; returns true when its content should be kept (then call {@link #keep}). */
    boolean wants(String name, long size) {
        sizes.put(name, size);
        return size <= SMALL_LIMIT && kept + size <= TOTAL_LIMIT;
    }

    void keep(String name, byte[] content) {
        contents.put(name, content);
        kept += content.length;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public long size(String name) {
        Long s = sizes.get(name);
        return s == null ? -1 : s;
    }

    @Override
    public InputStream open(String name) throws IOException {
        throw new ImageFormatException("cannot seek in " + describe + " (compressed archive)");
    }

    @Override
    public byte[] read(String name) throws IOException {
        byte[] b = contents.get(name);
        if (b == null) {
            throw new ImageFormatException(sizes.containsKey(name)
                    ? name + " in " + describe + " was not kept in memory (over the 64 MiB total for small entries)"
                    : name + " is missing from " + describe);
        }
        return b;
    }

    @Override
    public void close() {
        contents.clear();
    }
}
