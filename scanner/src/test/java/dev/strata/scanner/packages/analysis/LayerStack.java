package dev.strata.scanner.packages.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.layer.LayerContents;
import dev.strata.scanner.layer.LayerLimits;
import dev.strata.scanner.layer.LayerReader;
import dev.strata.scanner.testing.TarBuilder;
import dev.strata.scanner.union.UnionFilesystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: streams tar layers through {@link LayerReader} with a {@link LayerPackageScanner}, stacks them in
 * a {@link UnionFilesystem}, and passes every layer's findings through JSON as the layer cache would.
 */
final class LayerStack {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LayerReader reader = new LayerReader(LayerLimits.defaults());
    private final UnionFilesystem fs = new UnionFilesystem();
    private final List<LayerFindings> layers = new ArrayList<>();
    private final List<FileAnalyzer> extra;
    private final Path tmpDir;

    LayerStack() {
        this(List.of());
    }

    LayerStack(List<FileAnalyzer> extra) {
        this(extra, null);
    }

    LayerStack(List<FileAnalyzer> extra, Path tmpDir) {
        this.extra = extra;
        this.tmpDir = tmpDir;
    }

    /** Adds the next layer (above the others) and returns its findings. */
    LayerPackageFindings add(TarBuilder tar) {
        byte[] bytes = tar.build();
        LayerPackageScanner scanner = new LayerPackageScanner(extra, tmpDir);
        try {
            LayerContents contents = reader.read(new Descriptor(MediaTypes.OCI_LAYER_TAR, Digest.sha256Of(bytes),
                    bytes.length), null, new ByteArrayInputStream(bytes), scanner);
            fs.apply(contents.entries());
            LayerPackageFindings findings = scanner.findings();
            String json = JSON.writeValueAsString(findings);
            LayerPackageFindings cached = JSON.readValue(json, LayerPackageFindings.class);
            if (!cached.equals(findings)) {
                throw new AssertionError("findings change through JSON:\n" + findings + "\n" + cached);
            }
            layers.add(new LayerFindings(contents.diffId().toString(), cached));
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String diffId(int index) {
        return layers.get(index).diffId();
    }

    InventoryResult inventory() {
        return new PackageInventory().build(layers, fs);
    }
}
