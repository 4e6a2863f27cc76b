package dev.strata.cli;

import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.LayerLimits;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The image argument and {@code --platform}, shared by the commands that take one image. */
final class ImageOptions {
    @Parameters(index = "0", paramLabel = "IMAGE",
            description = "docker-archive:PATH[:repo:tag], oci:DIR[:REF], oci-archive:PATH[:REF], a bare path, "
                    + "a registry reference ([docker://][REGISTRY/]REPO[:TAG|@DIGEST]), "
                    + "or an indexed image's digest, short id or tag.")
    String image;

    @Mixin
    PlatformOption platform;

    @Option(names = "--max-layer-size", paramLabel = "BYTES", defaultValue = "64GiB",
            converter = ByteSizeConverter.class,
            description = "Largest uncompressed size of one layer, e.g. 512MiB, 10GB (default: ${DEFAULT-VALUE}).")
    long maxLayerSize;

    @Option(names = "--max-compression-ratio", paramLabel = "N", defaultValue = "200",
            description = "Largest uncompressed:compressed ratio of a layer, checked once 16 MiB were inflated "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxCompressionRatio;

    LayerLimits limits() {
        return LayerLimits.defaults().withMaxUncompressedBytes(maxLayerSize)
                .withCompressionRatio(maxCompressionRatio, LayerLimits.DEFAULT_RATIO_CHECK_AFTER_BYTES);
    }

    Platform platform() {
        return platform.platform();
    }
}
