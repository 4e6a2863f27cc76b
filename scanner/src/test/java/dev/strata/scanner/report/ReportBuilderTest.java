package dev.strata.scanner.report;

import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageConfig;
import dev.strata.scanner.image.ImageManifest;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.source.ResolvedImage;
import dev.strata.scanner.union.UnionFilesystem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBuilderTest {
    private static Digest d(String s) {
        return Digest.sha256Of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static LayerEntry file(String path, long size) {
        return new LayerEntry(path, EntryType.FILE, size, 0100644, 0, 0, 0, null, d(path));
    }

    private static ResolvedImage image() {
        return image(Map.of());
    }

    private static ResolvedImage image(Map<String, String> manifestAnnotations) {
        List<ImageConfig.HistoryEntry> history = List.of(
                new ImageConfig.HistoryEntry("2024-01-01T00:00:00Z", "ADD rootfs /", null, null, false),
                new ImageConfig.HistoryEntry("2024-01-01T00:00:01Z", "ENV A=b", null, null, true),
                new ImageConfig.HistoryEntry("2024-01-01T00:00:02Z", "RUN rm /a", null, "cleanup", false));
        ImageConfig config = new ImageConfig("amd64", "linux", null, "2024-01-01T00:00:02Z", null,
                ImageConfig.RuntimeConfig.EMPTY, List.of(d("l0"), d("l1")), history);
        ImageManifest manifest = new ImageManifest(MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, d("config"), 100),
                List.of(new Descriptor(MediaTypes.OCI_LAYER_GZIP, d("b0"), 50),
                        new Descriptor(MediaTypes.OCI_LAYER_GZIP, d("b1"), 7)), manifestAnnotations);
        return new ResolvedImage("oci:/x:app", d("manifest"), manifest, d("config"), config, new byte[0], List.of("app:1"));
    }

    @Test
    void joinsLayersToHistoryAndTotalsTheFinalFilesystem() {
        UnionFilesystem union = new UnionFilesystem();
        union.apply(List.of(file("/a", 10), file("/b", 5)));
        union.apply(List.of(new LayerEntry("/a", EntryType.WHITEOUT, 0, 0, 0, 0, 0, null, null)));
        List<LayerFacts> facts = List.of(new LayerFacts(d("l0"), 3072, 2, 2, false),
                new LayerFacts(d("l1"), 1024, 1, 0, true));

        ScanReport report = ReportBuilder.build(image(), facts, union, new ScanStats(5, 1, 1, 50), List.of());

        assertThat(report.image().digest()).isEqualTo(d("manifest").toString());
        assertThat(report.image().size()).isEqualTo(57);
        assertThat(report.image().uncompressedSize()).isEqualTo(4096);
        assertThat(report.image().fileCount()).isEqualTo(1);
        assertThat(report.image().fileBytes()).isEqualTo(5);
        assertThat(report.layers()).extracting(LayerSummary::createdBy).containsExactly("ADD rootfs /", "RUN rm /a");
        assertThat(report.layers().get(1).changes().deleted()).isEqualTo(1);
        assertThat(report.layers().get(1).changes().deletedBytes()).isEqualTo(10);
        assertThat(report.layers().get(1).cached()).isTrue();
        assertThat(report.image().history()).extracting(ImageSummary.HistoryRow::layerIndex)
                .containsExactly(0, null, 1);
        assertThat(report.image().history().get(2).size()).isEqualTo(1024);
    }

    @Test
    void roundTripsThroughJson() {
        UnionFilesystem union = new UnionFilesystem();
        union.apply(List.of(file("/a", 10)));
        union.apply(List.of());
        ScanReport report = ReportBuilder.build(image(), List.of(new LayerFacts(d("l0"), 1, 1, 1, false),
                new LayerFacts(d("l1"), 1, 0, 0, false)), union, new ScanStats(1, 2, 0, 57), List.of("w"));
        assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
    }

    @Test
    void carriesTheBaseTheManifestAnnotationsDeclareAndReadsReportsWithoutIt() throws Exception {
        UnionFilesystem union = new UnionFilesystem();
        union.apply(List.of(file("/a", 10)));
        union.apply(List.of());
        List<LayerFacts> facts = List.of(new LayerFacts(d("l0"), 1, 1, 1, false), new LayerFacts(d("l1"), 1, 0, 0, false));
        ScanReport report = ReportBuilder.build(image(Map.of(DeclaredBase.NAME_KEY, "docker.io/library/debian:12",
                DeclaredBase.DIGEST_KEY, d("debian").toString(), "org.example.other", "x")), facts, union,
                new ScanStats(1, 2, 0, 57), List.of());
        assertThat(report.image().declaredBase()).isEqualTo(new DeclaredBase("docker.io/library/debian:12",
                d("debian").toString(), DeclaredBase.MANIFEST_ANNOTATIONS));
        assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);

        // a report of the same version written before the field existed still reads, without a declared base
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) ReportJson.mapper().readTree(ReportJson.write(report));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("image")).remove("declaredBase");
        ScanReport older = ReportJson.read(ReportJson.mapper().writeValueAsString(tree));
        assertThat(older.image().declaredBase()).isNull();
        assertThat(older.image().digest()).isEqualTo(report.image().digest());

        assertThat(ReportBuilder.build(image(), facts, union, new ScanStats(1, 2, 0, 57), List.of()).image()
                .declaredBase()).isNull();
    }
}
