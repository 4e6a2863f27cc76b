package dev.strata.scanner.packages.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Reads the installed OS packages from a package database file: the copy in the final filesystem is the truth;
 * each package is attributed to the lowest layer from which every layer writing the database lists it with the
 * same name, version and architecture (so an upgrade is attributed to the upgrading layer). Layers that do not
 * write the database do not break the chain.
 */
final class OsPackageResolver {

    /** Finds the database a layer wrote at a path (null when it did not). */
    interface DatabaseLookup extends BiFunction<LayerPackageFindings, String, PackageDatabase> {
    }

    static final DatabaseLookup DPKG_STATUS = (f, path) -> f.dpkgStatus();
    static final DatabaseLookup DPKG_STATUS_D = (f, path) -> f.dpkgStatusD().stream()
            .filter(db -> db.path().equals(path)).findFirst().orElse(null);
    static final DatabaseLookup APK = (f, path) -> f.apkInstalled();
    static final DatabaseLookup RPM = (f, path) -> f.rpmDatabases().stream()
            .filter(db -> db.path().equals(path)).findFirst().orElse(null);

    private final FinalFiles files;
    private final List<String> warnings;

    OsPackageResolver(FinalFiles files, List<String> warnings) {
        this.files = files;
        this.warnings = warnings;
    }

    /** The installed packages of the database at {@code path}; empty when the final filesystem lacks it. */
    List<AttributedPackage> resolve(String path, DatabaseLookup lookup) {
        OptionalInt writer = files.writer(path);
        if (writer.isEmpty()) {
            return List.of();
        }
        int top = writer.getAsInt();
        PackageDatabase db = lookup.apply(files.layer(top).findings(), path);
        if (db == null) {
            // a layer that skipped the file said why in its own warnings
            if (files.layer(top).findings().warnings().stream().noneMatch(w -> w.path().equals(path))) {
                warnings.add(path + ": package database in layer " + files.layer(top).diffId() + " was not read");
            }
            return List.of();
        }
        List<Set<String>> lowerKeys = new ArrayList<>();
        for (int i = 0; i < top; i++) {
            lowerKeys.add(Optional.ofNullable(lookup.apply(files.layer(i).findings(), path))
                    .map(d -> d.packages().stream().map(DatabasePackage::key).collect(Collectors.toSet()))
                    .orElse(null));
        }
        List<AttributedPackage> out = new ArrayList<>();
        for (DatabasePackage p : db.packages()) {
            out.add(new AttributedPackage(p, introducedAt(p.key(), top, lowerKeys)));
        }
        return out;
    }

    private static int introducedAt(String key, int top, List<Set<String>> lowerKeys) {
        int intro = top;
        for (int i = top - 1; i >= 0; i--) {
            Set<String> keys = lowerKeys.get(i);
            if (keys == null) {
                continue;
            }
            if (!keys.contains(key)) {
                break;
            }
            intro = i;
        }
        return intro;
    }
}
