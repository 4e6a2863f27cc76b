package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.os.OsInfo;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Names the distribution of an image from the files of its final filesystem: os-release ({@code /etc} first,
 * then {@code /usr/lib}), then alpine-release, then debian_version; a distroless image with dpkg
 * {@code status.d} entries but none of these is Debian of unknown release.
 */
final class OsDetector {
    private static final List<String> ORDER = List.of("/etc/os-release", "/usr/lib/os-release",
            "/etc/alpine-release", "/etc/debian_version");

    Optional<OsInfo> detect(FinalFiles files, List<String> notes) {
        for (String path : ORDER) {
            Optional<OsInfo> os = read(files, path);
            if (os.isPresent()) {
                if (!path.endsWith("os-release")) {
                    notes.add("distribution taken from " + path + " (no os-release)");
                }
                return os;
            }
        }
        if (!files.pathsUnder(PackageFileKind.DPKG_STATUS_D_DIR).isEmpty()) {
            notes.add("distribution assumed Debian: no os-release but " + PackageFileKind.DPKG_STATUS_D_DIR
                    + " entries (distroless)");
            return Optional.of(new OsInfo("debian", null, null, null, List.of()));
        }
        return Optional.empty();
    }

    private static Optional<OsInfo> read(FinalFiles files, String path) {
        OptionalInt writer = files.writer(path);
        if (writer.isEmpty()) {
            return Optional.empty();
        }
        return files.layer(writer.getAsInt()).findings().osFiles().stream()
                .filter(f -> f.path().equals(path))
                .map(OsFileFinding::os)
                .findFirst();
    }
}
