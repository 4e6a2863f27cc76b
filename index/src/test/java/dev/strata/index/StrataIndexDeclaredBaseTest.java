package dev.strata.index;

import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.strata.index.Fixtures.digest;
import static org.assertj.core.api.Assertions.assertThat;

/** The declared base image is kept on the image document, also for fleet views that skip the stored report. */
class StrataIndexDeclaredBaseTest {
    @TempDir
    Path data;

    @Test
    void declaredBaseIsStoredBesideTheReport() throws Exception {
        Digest layer = digest("declared-layer");
        DeclaredBase declared = new DeclaredBase("docker.io/library/debian:12", null, DeclaredBase.MANIFEST_ANNOTATIONS);
        try (StrataIndex index = StrataIndex.open(data)) {
            index.addLayer(Fixtures.layerOf(layer, Fixtures.sampleEntries("d")), Fixtures.sampleEntries("d"));
            IndexedImage plain = Fixtures.image("plain", 1, List.of("plain:1"), layer);
            IndexedImage based = new IndexedImage(digest("based"), null, "based:1", List.of("based:1"), "linux/amd64",
                    List.of(layer), 2, "{}", declared);
            index.putImage(plain);
            index.putImage(based);
            assertThat(index.image(based.manifestDigest()).orElseThrow().declaredBase()).isEqualTo(declared);
            assertThat(index.imagesWithoutReports()).extracting(IndexedImage::declaredBase).containsExactly(null, declared);
            assertThat(index.imagesWithoutReports().get(1).reportJson()).isNull();
        }
    }
}
