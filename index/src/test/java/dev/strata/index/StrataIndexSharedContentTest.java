package dev.strata.index;

import dev.strata.index.dedup.SharedContent;
import dev.strata.index.dedup.SharedContentReport;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.strata.index.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class StrataIndexSharedContentTest {
    @TempDir
    Path dataDir;

    StrataIndex index;

    @BeforeEach
    void open() throws IOException {
        index = StrataIndex.open(dataDir);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    static final String BIG = "big shared content ".repeat(50);
    static final String SMALL = "small shared";

    @Test
    void contentInSeveralDistinctLayersIsGroupedAndRankedBySaving() {
        Digest l1 = digest("l1");
        Digest l2 = digest("l2");
        Digest l3 = digest("l3");
        add(l1, List.of(dir("/etc"), file("/etc/big", BIG), file("/etc/small", SMALL),
                file("/etc/twice-a", "only in one layer"), file("/etc/twice-b", "only in one layer"),
                file("/etc/empty1", "")));
        add(l2, List.of(file("/opt/big-copy", BIG), file("/opt/small", SMALL), file("/opt/empty2", ""),
                new LayerEntry("/opt/hard", EntryType.HARDLINK, 0, 0644, 0, 0, 0, "/opt/big-copy", null)));
        add(l3, List.of(file("/srv/big", BIG), file("/srv/big2", BIG)));

        SharedContentReport report = index.sharedContent(10);

        assertThat(report.contents()).isEqualTo(2);
        assertThat(report.copies()).isEqualTo(4 + 2);
        assertThat(report.storedBytes()).isEqualTo(4L * BIG.length() + 2L * SMALL.length());
        assertThat(report.savedBytes()).isEqualTo(2L * BIG.length() + SMALL.length());
        SharedContent big = report.top().get(0);
        assertThat(big.sha256()).isEqualTo(digest(BIG).toString());
        assertThat(big.layerCount()).isEqualTo(3);
        assertThat(big.copies()).isEqualTo(4);
        assertThat(big.savedBytes()).isEqualTo(2L * BIG.length());
        assertThat(big.occurrences()).extracting(SharedContent.Occurrence::path)
                .containsExactlyInAnyOrder("/etc/big", "/opt/big-copy", "/srv/big", "/srv/big2");
        assertThat(report.top().get(1).sha256()).isEqualTo(digest(SMALL).toString());

        SharedContentReport limited = index.sharedContent(1);
        assertThat(limited.top()).hasSize(1);
        assertThat(limited.savedBytes()).isEqualTo(report.savedBytes());
    }

    @Test
    void removedLayersNoLongerCount() {
        Digest l1 = digest("l1");
        Digest l2 = digest("l2");
        add(l1, List.of(file("/a", BIG)));
        add(l2, List.of(file("/b", BIG)));
        index.putImage(image("one", 1, List.of("one:1"), l1));
        index.putImage(image("two", 2, List.of("two:1"), l2));
        assertThat(index.sharedContent(5).contents()).isEqualTo(1);

        index.removeImage(digest("manifest-two"));

        assertThat(index.sharedContent(5).contents()).isZero();
        assertThat(index.layers()).extracting(IndexedLayer::diffId).containsExactly(l1);
    }

    @Test
    void imagesWithoutReportsSkipOnlyTheReport() {
        Digest l1 = digest("l1");
        add(l1, List.of(file("/a", BIG)));
        IndexedImage image = image("one", 1, List.of("one:1"), l1);
        index.putImage(image);

        assertThat(index.imagesWithoutReports()).containsExactly(
                new IndexedImage(image.manifestDigest(), image.configDigest(), image.reference(), image.repoTags(),
                        image.platform(), image.diffIds(), image.indexedAtMillis(), null));
        assertThat(index.images().get(0).reportJson()).isEqualTo(image.reportJson());
    }

    @Test
    void comparisonEntriesCarryContentStandInsAndRealDigestsResolveByPath() {
        Digest l1 = digest("l1");
        List<LayerEntry> entries = List.of(dir("/etc"), file("/etc/a", BIG), file("/etc/b", BIG), file("/etc/c", SMALL),
                file("/etc/a", SMALL));
        add(l1, entries);

        List<LayerEntry> keyed = index.layerEntriesForComparison(l1);

        assertThat(keyed).extracting(LayerEntry::path).containsExactly("/etc", "/etc/a", "/etc/b", "/etc/c", "/etc/a");
        assertThat(keyed.get(0).sha256()).isNull();
        assertThat(keyed.get(1).sha256()).isEqualTo(keyed.get(2).sha256()).isNotEqualTo(keyed.get(3).sha256());
        assertThat(keyed.get(1).sha256().hex()).startsWith(digest(BIG).hex().substring(0, 16)).endsWith("0".repeat(48));
        assertThat(keyed.get(1)).usingRecursiveComparison().ignoringFields("sha256").isEqualTo(entries.get(1));
        assertThat(index.sha256At(l1, List.of("/etc/a", "/etc/c", "/etc", "/nope"))).containsOnly(
                org.assertj.core.api.Assertions.entry("/etc/a", List.of(digest(BIG), digest(SMALL))),
                org.assertj.core.api.Assertions.entry("/etc/c", List.of(digest(SMALL))));
    }

    private void add(Digest diffId, List<LayerEntry> entries) {
        index.addLayer(layerOf(diffId, entries), entries);
    }
}
