package dev.strata.index.dedup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRowsTest {
    @Test
    void keysSharingHighBitsStaySeparateAndLayersAreCountedOnce() {
        ContentRows rows = new ContentRows(2);
        long a = 0x7000_0000_0000_0010L;
        long b = 0x7000_0000_0000_0011L; // same prefix as a once the low row bits are masked
        rows.add(a, 100, 0, 10);
        rows.add(b, 50, 1, 11);
        rows.add(a, 100, 0, 12); // a twice in layer 0: one layer
        rows.add(b, 50, 2, 13);
        rows.add(b, 50, 2, 14);
        rows.add(-5L, 7, 3, 15);
        rows.add(-5L, 7, 4, 16);

        ContentRows.Groups groups = rows.groupSharedAcrossLayers(10);

        assertThat(groups.contents()).isEqualTo(2);
        assertThat(groups.copies()).isEqualTo(5);
        assertThat(groups.storedBytes()).isEqualTo(3 * 50 + 2 * 7);
        assertThat(groups.savedBytes()).isEqualTo(50 + 7);
        ContentRows.Group first = groups.top().get(0);
        assertThat(first.key()).isEqualTo(b);
        assertThat(first.layerCount()).isEqualTo(2);
        assertThat(first.rowIds()).containsExactlyInAnyOrder(11, 13, 14);
        assertThat(groups.top().get(1).key()).isEqualTo(-5L);
        assertThat(rows.groupSharedAcrossLayers(1).top()).hasSize(1);
    }
}
