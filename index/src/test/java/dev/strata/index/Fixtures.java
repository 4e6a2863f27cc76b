package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test data: digests, entries, layers and images. */
final class Fixtures {
    private Fixtures() {
    }

    static Digest digest(String seed) {
        return Digest.sha256Of(seed.getBytes(StandardCharsets.UTF_8));
    }

    static LayerEntry file(String path, String content) {
        return new LayerEntry(path, EntryType.FILE, content.length(), 0644, 0, 0, 1_700_000_000L, null,
                digest(content));
    }

    static LayerEntry dir(String path) {
        return new LayerEntry(path, EntryType.DIRECTORY, 0, 0755, 0, 0, 1_700_000_000L, null, null);
    }

    /** Mixed entries: directories, files, a symlink, a hard link, whiteouts, a device. */
    static List<LayerEntry> sampleEntries(String salt) {
        List<LayerEntry> entries = new ArrayList<>();
        entries.add(dir("/etc"));
        entries.add(new LayerEntry("/etc/passwd", EntryType.FILE, 1234, 0644, 0, 0, 1_690_000_000L, null,
                digest("passwd" + salt)));
        entries.add(new LayerEntry("/usr/bin/sudo", EntryType.FILE, 99_000, 04755, 0, 42, 1_690_000_001L, null,
                digest("sudo" + salt)));
        entries.add(new LayerEntry("/usr/bin/vi", EntryType.SYMLINK, 0, 0777, 1000, 1000, 1_690_000_002L,
                "../../bin/busybox", null));
        entries.add(new LayerEntry("/usr/bin/view", EntryType.HARDLINK, 0, 0755, 0, 0, 1_690_000_003L,
                "/usr/bin/sudo", null));
        entries.add(new LayerEntry("/var/cache/apt", EntryType.WHITEOUT, 0, 0, 0, 0, 0, null, null));
        entries.add(new LayerEntry("/tmp", EntryType.OPAQUE_WHITEOUT, 0, 0, 0, 0, 0, null, null));
        entries.add(new LayerEntry("/dev/null", EntryType.CHAR_DEVICE, 0, 0666, 0, 0, 1_690_000_004L, null, null));
        entries.add(file("/usr/lib/python3/os.py", "os" + salt));
        entries.add(file("/usr/lib2/x.so", "x" + salt));
        entries.add(new LayerEntry("/ünïcode/ファイル.txt", EntryType.FILE, 3, 0600, 5, 6, -1L, null,
                digest("uni" + salt)));
        return entries;
    }

    static IndexedLayer layerOf(Digest diffId, List<LayerEntry> entries) {
        return IndexedLayer.of(diffId, 10_000 + entries.size(), entries, 1_000L);
    }

    static IndexedImage image(String seed, long indexedAt, List<String> tags, Digest... diffIds) {
        return new IndexedImage(digest("manifest-" + seed), digest("config-" + seed), tags.isEmpty() ? null : tags.get(0),
                tags, "linux/amd64", List.of(diffIds), indexedAt, "{\"image\":\"" + seed + "\",\"n\":[1,2]}");
    }
}
