package dev.strata.cli;

import dev.strata.scanner.image.Platform;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The image argument and {@code --platform}, shared by the commands that take one image. */
final class ImageOptions {
    @Parameters(index = "0", paramLabel = "IMAGE",
            description = "docker-archive:PATH[:repo:tag], oci:DIR[:REF], oci-archive:PATH[:REF], a bare path, "
                    + "or an indexed image's digest, short id or tag.")
    String image;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", defaultValue = "linux/amd64",
            description = "Platform to pick from a multi-platform image (default: ${DEFAULT-VALUE}).")
    String platform;

    Platform platform() {
        return Platform.parse(platform);
    }
}
