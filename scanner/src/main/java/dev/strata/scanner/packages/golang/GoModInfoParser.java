package dev.strata.scanner.packages.golang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the modinfo text of a Go binary: tab-separated lines {@code path P}, {@code mod P V S},
 * {@code dep P V S}, {@code => P V S} (replaces the module of the line before) and {@code build K=V}; blank and
 * unknown lines are ignored. The text the linker embeds is wrapped in two 16-byte sentinels, which are removed
 * when present (recognised as Go does: 33 bytes or more, a newline 17 bytes before the end).
 */
final class GoModInfoParser {

    private GoModInfoParser() {
    }

    /** Removes the 16-byte sentinels around the modinfo text, if present. */
    static String unwrap(String modinfo) {
        if (modinfo.length() >= 33 && modinfo.charAt(modinfo.length() - 17) == '\n') {
            return modinfo.substring(16, modinfo.length() - 16);
        }
        return modinfo;
    }

    /** Parses unwrapped (or wrapped) modinfo text for a binary built by {@code goVersion}. */
    static GoBuildInfo parse(String goVersion, String modinfo) {
        String mainPath = null;
        GoModule main = null;
        List<GoModule> deps = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        boolean lastWasMain = false;
        for (String line : unwrap(modinfo).split("\n", -1)) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "path" -> mainPath = field(f, 1);
                case "mod" -> {
                    main = module(f);
                    lastWasMain = true;
                    continue;
                }
                case "dep" -> {
                    GoModule dep = module(f);
                    if (dep != null) {
                        deps.add(dep);
                    }
                    lastWasMain = false;
                    continue;
                }
                case "=>" -> {
                    GoModule replacement = module(f);
                    if (replacement != null) {
                        if (lastWasMain && main != null) {
                            main = withReplacement(main, replacement);
                        } else if (!deps.isEmpty()) {
                            int last = deps.size() - 1;
                            deps.set(last, withReplacement(deps.get(last), replacement));
                        }
                    }
                    continue;
                }
                case "build" -> {
                    String kv = field(f, 1);
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
                default -> {
                    // blank or unknown line
                }
            }
            if (!line.isEmpty()) {
                lastWasMain = false;
            }
        }
        return new GoBuildInfo(goVersion, mainPath, main, deps, settings);
    }

    private static GoModule module(String[] f) {
        String path = field(f, 1);
        return path.isEmpty() ? null : new GoModule(path, field(f, 2), field(f, 3), null);
    }

    private static GoModule withReplacement(GoModule m, GoModule replacement) {
        return new GoModule(m.path(), m.version(), m.sum(), replacement);
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i].strip() : "";
    }
}
