package dev.strata.scanner.efficiency;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path-by-path {@link EfficiencyCalculator} against the straightforward {@link ReferenceEfficiency} (one
 * union-filesystem replay) on random layer stacks dense in the hard cases: whiteouts of files and of directories,
 * opaque directories (the root too), a file replacing a directory, a path written twice in one layer,
 * re-declared directories with and without new metadata, the same content at several paths.
 */
class EfficiencyEquivalenceTest {
    private static final String[] NAMES = {"a", "b", "a-b", "a.c", "b0", "c"};

    @Test
    void matchesTheUnionReplayOnRandomStacks() {
        Random random = new Random(8);
        for (int round = 0; round < 3000; round++) {
            List<EfficiencyLayer> layers = new ArrayList<>();
            int layerCount = 1 + random.nextInt(5);
            for (int l = 0; l < layerCount; l++) {
                List<LayerEntry> entries = new ArrayList<>();
                int size = random.nextInt(14);
                for (int i = 0; i < size; i++) {
                    entries.add(entry(random));
                }
                layers.add(new EfficiencyLayer("l" + l, 100 + l, entries));
            }
            ImageEfficiency expected = ReferenceEfficiency.compute(layers, 1000);
            ImageEfficiency actual = EfficiencyCalculator.compute(layers, 1000);
            assertThat(actual).as("round %d: %s", round, layers).isEqualTo(expected);
        }
    }

    private static LayerEntry entry(Random random) {
        String path = path(random);
        int kind = random.nextInt(20);
        if (kind < 8) {
            String content = "c" + random.nextInt(4);
            return new LayerEntry(path, EntryType.FILE, content.length() * (1 + random.nextInt(2)), 0644, 0, 0, 0,
                    null, Digest.sha256Of(content.getBytes(StandardCharsets.UTF_8)));
        } else if (kind < 13) {
            return new LayerEntry(path, EntryType.DIRECTORY, 0, random.nextBoolean() ? 0755 : 0700, 0,
                    random.nextInt(2), 0, null, null);
        } else if (kind < 15) {
            return new LayerEntry(path, EntryType.WHITEOUT, 0, 0, 0, 0, 0, null, null);
        } else if (kind < 17) {
            return new LayerEntry(random.nextInt(8) == 0 ? "/" : path, EntryType.OPAQUE_WHITEOUT, 0, 0, 0, 0, 0,
                    null, null);
        } else if (kind < 18) {
            return new LayerEntry(path, EntryType.HARDLINK, 0, 0644, 0, 0, 0, path(random), null);
        } else if (kind < 19) {
            return new LayerEntry(path, EntryType.SYMLINK, 0, 0777, 0, 0, 0, "x", null);
        }
        return new LayerEntry(path, EntryType.FILE, 0, 0644, 0, 0, 0, null,
                Digest.sha256Of(new byte[0]));
    }

    private static String path(Random random) {
        StringBuilder path = new StringBuilder();
        int depth = 1 + random.nextInt(3);
        for (int d = 0; d < depth; d++) {
            path.append('/').append(NAMES[random.nextInt(NAMES.length)]);
        }
        return path.toString();
    }
}
