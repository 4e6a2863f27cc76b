package dev.strata.cli;

import dev.strata.scanner.image.Platform;
import picocli.CommandLine.Option;

/** {@code --platform}, shared by every command that picks one image from a multi-platform index. */
final class PlatformOption {
    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", defaultValue = "linux/amd64",
            description = "Platform to pick from a multi-platform image (default: ${DEFAULT-VALUE}).")
    String platform;

    Platform platform() {
        return Platform.parse(platform);
    }
}
