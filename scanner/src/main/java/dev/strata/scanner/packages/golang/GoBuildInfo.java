package dev.strata.scanner.packages.golang;

import java.util.List;
import java.util.Map;

/**
 * The build information of a Go binary: the toolchain version ({@code go1.21.5}), the main package path, the main
 * module (null when the modinfo has none), the dependencies in order, and the {@code build} settings in their order.
 */
public record GoBuildInfo(String goVersion, String mainPath, GoModule mainModule, List<GoModule> deps,
                         Map<String, String> settings) {

    public GoBuildInfo {
        deps = List.copyOf(deps);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
}
