package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.union.UnionEntry;
import dev.strata.scanner.union.UnionFilesystem;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalInt;

/** The final filesystem of an image next to the per-layer findings: which layer's findings hold for a path. */
final class FinalFiles {
    private final NavigableMap<String, UnionEntry> paths;
    private final List<LayerFindings> layers;

    FinalFiles(UnionFilesystem fs, List<LayerFindings> layers) {
        this.paths = fs.paths();
        this.layers = List.copyOf(layers);
        if (fs.changes().size() != layers.size()) {
            throw new IllegalArgumentException("the filesystem has " + fs.changes().size()
                    + " layers but there are findings for " + layers.size());
        }
    }

    List<LayerFindings> layers() {
        return layers;
    }

    LayerFindings layer(int index) {
        return layers.get(index);
    }

    /** The index of the layer that last wrote {@code path}, when it is still in the final filesystem. */
    OptionalInt writer(String path) {
        UnionEntry e = paths.get(path);
        return e == null ? OptionalInt.empty() : OptionalInt.of(e.layerIndex());
    }

    /** Whether {@code path} is in the final filesystem as layer {@code index} wrote it. */
    boolean writtenBy(String path, int index) {
        UnionEntry e = paths.get(path);
        return e != null && e.layerIndex() == index;
    }

    /** Final paths directly or indirectly below directory {@code dir} (given with a trailing slash). */
    List<String> pathsUnder(String dir) {
        String end = dir.substring(0, dir.length() - 1) + '0';
        return new ArrayList<>(paths.subMap(dir, false, end, false).keySet());
    }
}
