package dev.strata.cli;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.registry.ContentStore;
import dev.strata.scanner.registry.RegistryImageSource;
import dev.strata.scanner.registry.RegistryReference;
import dev.strata.scanner.source.ResolvedImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code strata pull REF}: downloads an image's blobs from its registry into the blob store, verified. */
@Command(name = "pull", description = "Download an image from a registry into the blob store (no analysis).")
final class PullCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REF", description = "[docker://][REGISTRY[:PORT]/]REPO[:TAG|@DIGEST]")
    String reference;
    @Mixin
    PlatformOption platform;
    @Mixin
    RegistryCliOptions registry;
    @Mixin
    DataOptions data;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RegistryReference ref = RegistryReference.parse(reference);
        // a pull only touches the blob store: the index is not opened
        ContentStore store = new ContentStore(data.directory().create());
        try (RegistryImageSource source = RegistryImageSource.open(ref, registry.options(), System.getenv(), store)) {
            Pulled pulled = pull(source, platform.platform());
            spec.commandLine().getOut().printf("Pulled %s%nDigest %s%n%d layer(s): %d downloaded (%s), %d already "
                            + "stored%n", pulled.image().reference(), pulled.image().manifestDigest(),
                    pulled.image().layers().size(), pulled.downloaded(), Sizes.human(pulled.bytes()),
                    pulled.image().layers().size() - pulled.downloaded());
            return ExitCodes.OK;
        }
    }

    /** What a pull did. */
    record Pulled(ResolvedImage image, int downloaded, long bytes) {
    }

    /** Resolves the image and stores every layer, downloading in parallel those not yet stored. */
    static Pulled pull(RegistryImageSource source, dev.strata.scanner.image.Platform platform) throws Exception {
        ResolvedImage image = source.resolve(platform);
        long blobsBefore = source.store().downloadedBlobs();
        long bytesBefore = source.store().downloadedBytes();
        java.util.List<Descriptor> missing = image.layers().stream().distinct()
                .filter(d -> !source.store().has(d)).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(missing.size(), 16)), r -> {
                    Thread t = new Thread(r, "strata-pull");
                    t.setDaemon(true);
                    return t;
                });
        try {
            source.readBlobs(missing, pool, (blob, in) -> {
                // storing is the whole job: the store drains and verifies the stream
            });
        } finally {
            pool.shutdownNow();
        }
        // counted by the store: a blob another process stored while this one waited was not downloaded here
        return new Pulled(image, (int) (source.store().downloadedBlobs() - blobsBefore),
                source.store().downloadedBytes() - bytesBefore);
    }
}
