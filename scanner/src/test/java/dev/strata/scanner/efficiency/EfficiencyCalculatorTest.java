package dev.strata.scanner.efficiency;

import dev.strata.scanner.efficiency.ImageEfficiency.DuplicateContent;
import dev.strata.scanner.efficiency.ImageEfficiency.Location;
import dev.strata.scanner.efficiency.ImageEfficiency.WastedPath;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EfficiencyCalculatorTest {
    static LayerEntry file(String path, String content) {
        return new LayerEntry(path, EntryType.FILE, content.length(), 0644, 0, 0, 0, null,
                Digest.sha256Of(content.getBytes(StandardCharsets.UTF_8)));
    }

    static LayerEntry dir(String path) {
        return new LayerEntry(path, EntryType.DIRECTORY, 0, 0755, 0, 0, 0, null, null);
    }

    static LayerEntry whiteout(String path, EntryType type) {
        return new LayerEntry(path, type, 0, 0, 0, 0, 0, null, null);
    }

    static final String LOG = "x".repeat(1000);
    static final String CONF1 = "conf v1".repeat(10);
    static final String CONF2 = "conf v2";
    static final String LIB = "library bytes".repeat(20);
    static final String CACHE = "cache".repeat(30);

    @Test
    void deletedOverwrittenOpaqueAndDuplicatedBytesAreWaste() {
        List<EfficiencyLayer> layers = List.of(
                new EfficiencyLayer("l0", 10_000, List.of(dir("/etc"), file("/etc/app.conf", CONF1),
                        file("/var/log/build.log", LOG), file("/usr/lib/a.so", LIB),
                        dir("/var/cache"), file("/var/cache/c1", CACHE))),
                new EfficiencyLayer("l1", 5_000, List.of(whiteout("/var/log/build.log", EntryType.WHITEOUT),
                        file("/etc/app.conf", CONF2), file("/opt/lib/a.so", LIB),
                        whiteout("/var/cache", EntryType.OPAQUE_WHITEOUT), file("/var/cache/new", "n"),
                        new LayerEntry("/opt/lib/b.so", EntryType.HARDLINK, 0, 0644, 0, 0, 0, "/opt/lib/a.so", null))),
                new EfficiencyLayer("l2", 2_000, List.of(file("/srv/one", LIB), file("/srv/two", "two"),
                        file("/srv/three", "two"))));

        ImageEfficiency e = EfficiencyCalculator.compute(layers, 10);

        long layerFileBytes = CONF1.length() + LOG.length() + LIB.length() + CACHE.length()
                + CONF2.length() + LIB.length() + 1 + LIB.length() + 3 + 3;
        long finalBytes = CONF2.length() + 3L * LIB.length() + 1 + 3 + 3;
        assertThat(e.layerBytes()).isEqualTo(17_000);
        assertThat(e.layerFileBytes()).isEqualTo(layerFileBytes);
        assertThat(e.finalFileBytes()).isEqualTo(finalBytes);
        assertThat(e.removedBytes()).isEqualTo(LOG.length() + CONF1.length() + CACHE.length())
                .isEqualTo(layerFileBytes - finalBytes);
        // LIB is in layers 0, 1 and 2 of the final filesystem: two extra layers; "two" twice in one layer: not cross-layer
        assertThat(e.crossLayerDuplicateBytes()).isEqualTo(2L * LIB.length());
        assertThat(e.wastedBytes()).isEqualTo(e.removedBytes() + 2L * LIB.length());
        assertThat(e.efficiency()).isEqualTo((double) finalBytes / layerFileBytes);

        assertThat(e.wastedPathCount()).isEqualTo(3);
        assertThat(e.topWasted()).containsExactly(
                new WastedPath("/var/log/build.log", LOG.length(), sha(LOG), 0, 1, "deleted"),
                new WastedPath("/var/cache/c1", CACHE.length(), sha(CACHE), 0, 1, "deleted"),
                new WastedPath("/etc/app.conf", CONF1.length(), sha(CONF1), 0, 1, "overwritten"));

        assertThat(e.duplicateCount()).isEqualTo(2);
        assertThat(e.duplicateBytes()).isEqualTo(2L * LIB.length() + 3);
        DuplicateContent lib = e.duplicates().get(0);
        assertThat(lib.sha256()).isEqualTo(sha(LIB));
        assertThat(lib.layerCount()).isEqualTo(3);
        assertThat(lib.paths()).containsExactly(new Location("/usr/lib/a.so", 0), new Location("/opt/lib/a.so", 1),
                new Location("/srv/one", 2));
        assertThat(e.duplicates().get(1).paths()).extracting(Location::path).containsExactly("/srv/three", "/srv/two");

        ImageEfficiency.LayerEfficiency l1 = e.layers().get(1);
        assertThat(l1.whiteouts()).isEqualTo(1);
        assertThat(l1.opaqueDirectories()).isEqualTo(1);
        assertThat(l1.deleted()).isEqualTo(2);
        assertThat(l1.modified()).isEqualTo(1);
        assertThat(l1.added()).isEqualTo(3);
        assertThat(e.layers().get(0).wastedBytes()).isEqualTo(LOG.length() + CONF1.length() + CACHE.length());
        assertThat(l1.wastedBytes()).isEqualTo(LIB.length());
        assertThat(e.layers().get(2).wastedBytes()).isEqualTo(LIB.length());
    }

    @Test
    void emptyImageIsFullyEfficientAndLimitCutsLists() {
        assertThat(EfficiencyCalculator.compute(List.of(), 5).efficiency()).isEqualTo(1.0);
        List<EfficiencyLayer> layers = List.of(
                new EfficiencyLayer("l0", 1, List.of(file("/a", "aa"), file("/b", "bbb"))),
                new EfficiencyLayer("l1", 1, List.of(whiteout("/a", EntryType.WHITEOUT),
                        whiteout("/b", EntryType.WHITEOUT))));
        ImageEfficiency e = EfficiencyCalculator.compute(layers, 1);
        assertThat(e.wastedPathCount()).isEqualTo(2);
        assertThat(e.topWasted()).extracting(WastedPath::path).containsExactly("/b");
        assertThat(e.efficiency()).isZero();
    }

    static String sha(String content) {
        return Digest.sha256Of(content.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
