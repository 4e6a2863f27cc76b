package dev.strata.scanner.packages.golang;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a binary's build information into golang packages found at the binary's path.
 *
 * <ul>
 *   <li>Each dependency is one package. A dependency replaced by another module ({@code => path version}) is
 *       reported as the replacement, since that is the code in the binary; one replaced by a local directory (no
 *       version) keeps its own path and version, the best name available for that code.</li>
 *   <li>The main module only when it has a real version: {@code (devel)} (built from a work tree) or none says
 *       nothing a vulnerability could be matched against.</li>
 *   <li>The standard library as {@code stdlib} with the toolchain version without its {@code go} prefix
 *       ({@code go1.21.5} gives {@code 1.21.5}; {@code go1.22rc1 X:boringcrypto} gives {@code 1.22rc1}); a
 *       development toolchain ({@code devel ...}) gives none.</li>
 * </ul>
 */
final class GoPackages {

    private static final Pattern GO_RELEASE = Pattern.compile("go(\\d+(?:\\.\\d+)*(?:(?:rc|beta)\\d+)?)(?:\\s.*)?");

    private GoPackages() {
    }

    static List<DetectedPackage> of(GoBuildInfo info, String binaryPath) {
        List<DetectedPackage> out = new ArrayList<>();
        GoModule main = info.mainModule();
        if (main != null) {
            effective(main).filter(m -> !m.version().equals("(devel)"))
                    .ifPresent(m -> out.add(pkg(m.path(), m.version(), binaryPath)));
        }
        for (GoModule dep : info.deps()) {
            effective(dep).ifPresent(m -> out.add(pkg(m.path(), m.version(), binaryPath)));
        }
        Matcher m = GO_RELEASE.matcher(info.goVersion());
        if (m.matches()) {
            out.add(pkg("stdlib", m.group(1), binaryPath));
        }
        return out;
    }

    /** The module whose code is in the binary, if it has a version. */
    private static Optional<GoModule> effective(GoModule m) {
        GoModule r = m.replacement();
        GoModule chosen = r != null && !r.isLocalDirectory() && !r.version().isEmpty() ? r : m;
        return chosen.version().isEmpty() ? Optional.empty() : Optional.of(chosen);
    }

    private static DetectedPackage pkg(String name, String version, String path) {
        return DetectedPackage.of(PackageType.GOLANG, null, name, version, List.of(), List.of(path));
    }
}
