package dev.strata.cli;

import dev.strata.app.Strata;
import dev.strata.index.IndexedImage;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageManifest;
import dev.strata.scanner.image.ManifestParser;
import dev.strata.scanner.layer.LayerLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code strata prune}: deletes the stored blobs that no indexed image uses. */
@Command(name = "prune", description = "Delete the blobs in the blob store that no indexed image uses.")
final class PruneCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Strata strata = Strata.open(data.directory(), LayerLimits.defaults())) {
            Set<Digest> keep = new HashSet<>();
            for (IndexedImage image : strata.index().images()) {
                keep.add(image.manifestDigest());
                keep.add(image.configDigest());
                if (java.nio.file.Files.isRegularFile(strata.blobs().path(image.manifestDigest()))) {
                    try {
                        ImageManifest m = ManifestParser.parseManifest(
                                strata.blobs().read(image.manifestDigest(), 4L * 1024 * 1024), image.manifestDigest());
                        m.layers().stream().map(Descriptor::digest).forEach(keep::add);
                    } catch (java.io.IOException e) {
                        // a corrupt stored manifest: its blobs are not protected
                    }
                }
            }
            long[] pruned = strata.blobs().prune(keep);
            spec.commandLine().getOut().printf("Deleted %d blob(s), %s%n", pruned[0], Sizes.human(pruned[1]));
            return ExitCodes.OK;
        }
    }
}
