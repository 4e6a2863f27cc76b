package dev.strata.cli;

import dev.strata.app.Strata;
import dev.strata.scanner.layer.LayerLimits;
import dev.strata.index.IndexedImage;
import dev.strata.index.RemovedImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code strata rm IMAGE}: removes an image, and the layers no other image uses, from the index. */
@Command(name = "rm", description = "Remove an image, and layers no other image uses, from the index.")
final class RemoveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "Digest, short id or tag of an indexed image.")
    String image;
    @Mixin
    DataOptions data;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Strata strata = Strata.open(data.directory(), LayerLimits.defaults())) {
            IndexedImage found = strata.index().findImage(image)
                    .orElseThrow(() -> new IllegalArgumentException("no indexed image matches '" + image + "'"));
            RemovedImage removed = strata.index().removeImage(found.manifestDigest());
            spec.commandLine().getOut().println("Removed " + found.manifestDigest() + " and "
                    + removed.removedLayers().size() + " layer(s) no other image uses");
            return ExitCodes.OK;
        }
    }
}
