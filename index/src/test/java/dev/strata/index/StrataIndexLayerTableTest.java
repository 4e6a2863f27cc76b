package dev.strata.index;

import dev.strata.scanner.efficiency.EfficiencyCalculator;
import dev.strata.scanner.efficiency.EfficiencyLayer;
import dev.strata.scanner.efficiency.ImageEfficiency;
import dev.strata.scanner.efficiency.LayerTable;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.strata.index.Fixtures.digest;
import static dev.strata.index.Fixtures.dir;
import static dev.strata.index.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link StrataIndex#layerTable} reads the same layers {@link StrataIndex#layerEntriesForComparison} does. */
class StrataIndexLayerTableTest {
    @TempDir
    Path data;

    @Test
    void efficiencyFromLayerTablesEqualsEfficiencyFromEntries() throws Exception {
        List<LayerEntry> lower = new ArrayList<>(Fixtures.sampleEntries("a"));
        lower.add(dir("/opt"));
        lower.add(file("/opt/a", "same content"));
        lower.add(file("/opt/b", "same content"));
        lower.add(file("/opt/😀", "astral"));        // a supplementary character: code-point vs UTF-16 order
        lower.add(file("/opt/\uFFFD", "bmp"));
        lower.add(file("/opt/a", "written twice")); // the same path twice in one layer
        List<LayerEntry> upper = new ArrayList<>(List.of(
                new LayerEntry("/opt/b", EntryType.WHITEOUT, 0, 0, 0, 0, 0, null, null),
                new LayerEntry("/usr/lib", EntryType.OPAQUE_WHITEOUT, 0, 0, 0, 0, 0, null, null),
                file("/etc/passwd", "new passwd"), file("/srv/copy", "same content"),
                new LayerEntry("/etc", EntryType.DIRECTORY, 0, 0700, 0, 0, 0, null, null)));
        Digest l0 = digest("table-layer-0");
        Digest l1 = digest("table-layer-1");
        try (StrataIndex index = StrataIndex.open(data)) {
            index.addLayer(Fixtures.layerOf(l0, lower), lower);
            index.addLayer(Fixtures.layerOf(l1, upper), upper);
            index.addLayer(Fixtures.layerOf(digest("other"), Fixtures.sampleEntries("b")), Fixtures.sampleEntries("b"));
            List<LayerTable> tables = new ArrayList<>();
            List<EfficiencyLayer> layers = new ArrayList<>();
            for (Digest d : List.of(l0, l1, l0)) {
                IndexedLayer layer = index.layer(d).orElseThrow();
                LayerTable table = index.layerTable(layer);
                assertThat(table.rows()).isEqualTo((int) layer.entryCount());
                assertThat(table.size()).isEqualTo(layer.uncompressedSize());
                tables.add(table);
                layers.add(new EfficiencyLayer(d.toString(), layer.uncompressedSize(), index.layerEntriesForComparison(d)));
            }
            ImageEfficiency fromTables = EfficiencyCalculator.computeTables(tables, 100);
            assertThat(fromTables).isEqualTo(EfficiencyCalculator.compute(layers, 100));
            assertThat(fromTables.removedBytes()).isPositive();
            assertThat(fromTables.duplicateCount()).isPositive();
        }
    }
}
