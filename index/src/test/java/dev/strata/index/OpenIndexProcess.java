package dev.strata.index;

import java.io.IOException;
import java.nio.file.Path;

/** Child-process entry point for the cross-process lock test: opens the index, reads, writes, reports the outcome. */
public final class OpenIndexProcess {
    private OpenIndexProcess() {
    }

    public static void main(String[] args) {
        try (StrataIndex index = StrataIndex.open(Path.of(args[0]))) {
            System.out.println("read " + index.images().size());
            var entries = Fixtures.sampleEntries("child");
            index.addLayer(Fixtures.layerOf(Fixtures.digest("child-layer"), entries), entries);
            System.out.println("wrote");
        } catch (IOException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        } catch (java.io.UncheckedIOException e) {
            System.out.println(e.getCause().getMessage());
            System.exit(3);
        }
    }
}
