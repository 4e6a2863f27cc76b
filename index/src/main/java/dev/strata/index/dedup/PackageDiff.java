package dev.strata.index.dedup;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.index.IndexedPackage;
import dev.strata.scanner.vuln.version.VersionSchemes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the packages of two images by (purl type, name): a name only in one image is added or removed; a
 * name with one version on each side and different versions is upgraded or downgraded by its ecosystem's
 * ordering ({@link VersionSchemes}), or {@code changed} when the ecosystem has no ordering or a version does
 * not parse; names with several versions on a side are compared as version sets (added/removed versions).
 */
public final class PackageDiff {
    private PackageDiff() {
    }

    /** The package changes from one image to another, each list sorted by type and name. */
    public record Result(List<Change> added, List<Change> removed, List<Change> upgraded, List<Change> downgraded,
                         List<Change> changed) {
    }

    /** One package change; {@code from} is null when added, {@code to} null when removed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String type, String name, String from, String to) {
    }

    public static Result compare(List<IndexedPackage> from, List<IndexedPackage> to) {
        Map<String, TreeSet<String>> a = versions(from);
        Map<String, TreeSet<String>> b = versions(to);
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> upgraded = new ArrayList<>();
        List<Change> downgraded = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            String type = key.substring(0, key.indexOf('\u0000'));
            String name = key.substring(key.indexOf('\u0000') + 1);
            TreeSet<String> va = a.getOrDefault(key, new TreeSet<>());
            TreeSet<String> vb = b.getOrDefault(key, new TreeSet<>());
            if (va.equals(vb)) {
                continue;
            }
            if (va.size() == 1 && vb.size() == 1) {
                String x = va.first();
                String y = vb.first();
                int order = compare(type, x, y).orElse(0);
                (order < 0 ? upgraded : order > 0 ? downgraded : changed).add(new Change(type, name, x, y));
                continue;
            }
            for (String v : va) {
                if (!vb.contains(v)) {
                    removed.add(new Change(type, name, v, null));
                }
            }
            for (String v : vb) {
                if (!va.contains(v)) {
                    added.add(new Change(type, name, null, v));
                }
            }
        }
        return new Result(added, removed, upgraded, downgraded, changed);
    }

    /** The ordering of two versions of a purl type, empty when Strata has none for it or one does not parse. */
    static Optional<Integer> compare(String purlType, String a, String b) {
        Optional<VersionSchemes> scheme = schemeOf(purlType);
        if (scheme.isEmpty() || !scheme.get().isValid(a) || !scheme.get().isValid(b)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.signum(scheme.get().compare(a, b)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Package URL type to version scheme. */
    static Optional<VersionSchemes> schemeOf(String purlType) {
        return Optional.ofNullable(switch (purlType == null ? "" : purlType) {
            case "deb" -> VersionSchemes.DPKG;
            case "apk" -> VersionSchemes.APK;
            case "rpm" -> VersionSchemes.RPM;
            case "maven" -> VersionSchemes.MAVEN;
            case "npm", "cargo" -> VersionSchemes.SEMVER;
            case "pypi" -> VersionSchemes.PEP440;
            case "golang" -> VersionSchemes.GO;
            case "gem" -> VersionSchemes.RUBYGEMS;
            default -> null;
        });
    }

    private static Map<String, TreeSet<String>> versions(List<IndexedPackage> packages) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (IndexedPackage p : packages) {
            if (p.name() == null) {
                continue;
            }
            out.computeIfAbsent(p.type() + '\u0000' + p.name(), k -> new TreeSet<>())
                    .add(p.version() == null ? "" : p.version());
        }
        return out;
    }
}
