package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.PackageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.strata.index.Fixtures.digest;
import static dev.strata.index.Fixtures.layerOf;
import static dev.strata.index.Fixtures.sampleEntries;
import static org.assertj.core.api.Assertions.assertThat;

class StrataIndexPackagesTest {
    @TempDir
    Path dir;

    private static InstalledPackage maven(String version, String path, Digest layer) {
        DetectedPackage p = DetectedPackage.of(PackageType.MAVEN, "org.apache.logging.log4j", "log4j-core", version,
                List.of("Apache-2.0"), List.of(path));
        return new InstalledPackage(p, layer.toString(), null, "0123456789abcdef0123456789abcdef01234567");
    }

    private static InstalledPackage npm(String name, String version, Digest layer) {
        return new InstalledPackage(DetectedPackage.of(PackageType.NPM, null, name, version, List.of("MIT"),
                List.of("/app/node_modules/" + name + "/package.json")), layer.toString(), null, null);
    }

    @Test
    void packageOccurrencesAreSearchableByPurlVersionlessPurlPrefixAndName() throws IOException {
        Digest layer = digest("l1");
        List<LayerEntry> entries = sampleEntries("a");
        try (StrataIndex index = StrataIndex.open(dir)) {
            index.addLayer(layerOf(layer, entries), entries);
            IndexedImage a = Fixtures.image("a", 1, List.of("a:1"), layer);
            IndexedImage b = Fixtures.image("b", 2, List.of("b:1"), layer);
            index.putImage(a, List.of(maven("2.14.1", "/app/lib/log4j-core-2.14.1.jar", layer),
                    npm("@types/node", "20.1.0", layer)));
            index.putImage(b, List.of(maven("2.17.1", "/opt/x.jar!/lib/log4j-core.jar", layer)));

            String purl = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
            assertThat(index.packagesByPurl(purl, 0, 10)).extracting(IndexedPackage::image)
                    .containsExactly(a.manifestDigest());
            assertThat(index.packagesByPurl("pkg:maven/org.apache.logging.log4j/log4j-core", 0, 10))
                    .extracting(IndexedPackage::version).containsExactly("2.14.1", "2.17.1");
            assertThat(index.packagesByPurl("pkg:maven/org.apache.logging.log4j/*", 0, 10)).hasSize(2);
            assertThat(index.packagesByPurl("pkg:maven/org.apache.logging.log4j/log4j-api", 0, 10)).isEmpty();
            assertThat(index.packagesByName("org.apache.logging.log4j:log4j-core", 0, 10)).hasSize(2);
            assertThat(index.packagesByPurl("pkg:npm/%40types/node", 0, 10)).singleElement()
                    .satisfies(p -> assertThat(p.paths()).containsExactly("/app/node_modules/@types/node/package.json"));

            IndexedPackage found = index.packagesOf(b.manifestDigest()).get(0);
            assertThat(found.paths()).containsExactly("/opt/x.jar!/lib/log4j-core.jar");
            assertThat(found.layerDiffId()).isEqualTo(layer.toString());
            assertThat(found.type()).isEqualTo("maven");

            // re-putting an image replaces its packages; removing it removes them
            index.putImage(a, List.of(npm("lodash", "4.17.15", layer)));
            assertThat(index.packagesOf(a.manifestDigest())).extracting(IndexedPackage::name).containsExactly("lodash");
            assertThat(index.image(a.manifestDigest())).isPresent();
            index.removeImage(a.manifestDigest());
            assertThat(index.packagesOf(a.manifestDigest())).isEmpty();
            assertThat(index.packagesOf(b.manifestDigest())).hasSize(1);
        }
    }

    @Test
    void layerAnalysisIsStoredReplacedAndSurvivesReopen() throws IOException {
        Digest layer = digest("l2");
        List<LayerEntry> entries = sampleEntries("b");
        try (StrataIndex index = StrataIndex.open(dir)) {
            index.addLayer(layerOf(layer, entries), entries, "{\"v\":1}");
            assertThat(index.layerAnalysis(layer)).contains("{\"v\":1}");
            index.setLayerAnalysis(layer, "{\"v\":2}");
        }
        try (StrataIndex index = StrataIndex.open(dir)) {
            assertThat(index.layerAnalysis(layer)).contains("{\"v\":2}");
            assertThat(index.layer(layer)).isPresent();
            assertThat(index.layerEntries(layer)).isEqualTo(entries);
            assertThat(index.layerAnalysis(digest("absent"))).isEmpty();
        }
    }
}
