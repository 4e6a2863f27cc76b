package dev.strata.cli;

import dev.strata.app.Strata;
import dev.strata.index.IndexedImage;
import dev.strata.scanner.image.ImageManifest;
import dev.strata.scanner.image.ManifestParser;
import dev.strata.scanner.registry.DockerArchiveWriter;
import dev.strata.scanner.registry.RegistryImageSource;
import dev.strata.scanner.registry.RegistryReference;
import dev.strata.scanner.registry.RegistryRouting;
import dev.strata.scanner.source.ResolvedImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code strata save REF -o FILE}: writes a registry image (pulled first if needed) as a docker-archive tar. */
@Command(name = "save", description = "Write a registry image as a docker-archive tar that docker load accepts.")
final class SaveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REF",
            description = "A registry reference, or the digest, short id or tag of an image scanned from a registry.")
    String reference;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The tar to write.")
    Path output;
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
        if (RegistryRouting.isRegistryReference(reference)) {
            dev.strata.scanner.registry.RegistryWarmup.start(reference);
        }
        try (Strata strata = Strata.open(data.directory(), dev.strata.scanner.layer.LayerLimits.defaults(),
                registry.options())) {
            Optional<IndexedImage> indexed = strata.index().findImage(reference);
            if (indexed.isPresent() && strata.blobs().has(new dev.strata.scanner.image.Descriptor(
                    "application/octet-stream", indexed.get().manifestDigest(), sizeOf(strata, indexed.get())))) {
                IndexedImage image = indexed.get();
                byte[] manifestBytes = strata.blobs().read(image.manifestDigest(), 4L * 1024 * 1024);
                ImageManifest manifest = ManifestParser.parseManifest(manifestBytes, image.manifestDigest());
                String tag = image.repoTags().isEmpty() ? null : familiar(image.repoTags().get(0));
                DockerArchiveWriter.write(strata.blobs(), image.manifestDigest(), manifestBytes, manifest, tag, output);
                report(image.manifestDigest().toString());
                return ExitCodes.OK;
            }
            if (!RegistryRouting.isRegistryReference(reference)) {
                throw new IllegalArgumentException("'" + reference + "' is neither an image pulled from a registry "
                        + "nor a registry reference");
            }
            RegistryReference ref = RegistryReference.parse(reference);
            try (RegistryImageSource source = strata.openRegistry(ref)) {
                PullCommand.Pulled pulled = PullCommand.pull(source, platform.platform());
                ResolvedImage image = pulled.image();
                byte[] manifestBytes = strata.blobs().read(image.manifestDigest(), 4L * 1024 * 1024);
                String tag = ref.tag() == null ? null : familiar(ref.withDigest(null).toString());
                DockerArchiveWriter.write(strata.blobs(), image.manifestDigest(), manifestBytes, image.manifest(), tag,
                        output);
                report(image.manifestDigest().toString());
                return ExitCodes.OK;
            }
        }
    }

    private static long sizeOf(Strata strata, IndexedImage image) {
        try {
            return java.nio.file.Files.size(strata.blobs().path(image.manifestDigest()));
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** Docker Hub names as Docker prints them ({@code docker.io/library/nginx:latest}). */
    static String familiar(String normalised) {
        String hub = RegistryReference.DOCKER_HUB + "/";
        return normalised.startsWith(hub) ? "docker.io/" + normalised.substring(hub.length()) : normalised;
    }

    private void report(String digest) {
        spec.commandLine().getOut().println("Saved " + digest + " to " + output.toAbsolutePath());
    }
}
