package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.PackageType;
import dev.strata.scanner.packages.npm.NpmScope;
import dev.strata.scanner.packages.os.OsInfo;
import dev.strata.scanner.union.UnionFilesystem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Combines the per-layer findings of an image with its final filesystem into the installed packages: OS
 * packages from the top copy of each package database, language packages whose file is still present, each
 * attributed to a layer, with OS-package ownership of language packages' files.
 */
public final class PackageInventory {

    private static final Comparator<InstalledPackage> ORDER = Comparator
            .comparing((InstalledPackage p) -> p.pkg().type())
            .thenComparing(p -> p.pkg().name())
            .thenComparing(p -> p.pkg().version())
            .thenComparing(p -> p.pkg().paths().isEmpty() ? "" : p.pkg().paths().get(0))
            .thenComparing(InstalledPackage::layerDiffId);
    private static final int LISTED_NAMES = 20;

    /** Builds the inventory; {@code layers} are lowest first and match the layers applied to {@code fs}. */
    public InventoryResult build(List<LayerFindings> layers, UnionFilesystem fs) {
        FinalFiles files = new FinalFiles(fs, layers);
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        OsInfo os = new OsDetector().detect(files, notes).orElse(null);
        String distro = os == null ? null : os.purlDistro();

        OsPackageResolver resolver = new OsPackageResolver(files, warnings);
        List<AttributedPackage> dpkg = new ArrayList<>(resolver.resolve(PackageFileKind.DPKG_STATUS_PATH,
                OsPackageResolver.DPKG_STATUS));
        for (String path : files.pathsUnder(PackageFileKind.DPKG_STATUS_D_DIR)) {
            if (PackageFileKind.of(path).orElse(null) == PackageFileKind.DPKG_STATUS_D) {
                dpkg.addAll(resolver.resolve(path, OsPackageResolver.DPKG_STATUS_D));
            }
        }
        // apk and rpm databases list each package's files themselves
        List<AttributedPackage> withFiles = new ArrayList<>(resolver.resolve(PackageFileKind.APK_INSTALLED_PATH,
                OsPackageResolver.APK));
        for (String path : PackageFileKind.RPM_SQLITE_PATHS) {
            withFiles.addAll(resolver.resolve(path, OsPackageResolver.RPM));
        }

        List<InstalledPackage> out = new ArrayList<>();
        OwnershipIndex osOwners = new OwnershipIndex();
        Map<String, List<String>> dpkgLists = dpkgFileLists(files);
        for (AttributedPackage a : dpkg) {
            DetectedPackage pkg = a.pkg().pkg().withDistro(distro);
            out.add(new InstalledPackage(pkg, files.layer(a.layerIndex()).diffId(), null, null));
            String arch = pkg.architecture();
            List<String> owned = dpkgLists.get(pkg.name() + ":" + arch);
            osOwners.add(pkg.purl(), owned != null ? owned : dpkgLists.getOrDefault(pkg.name(), List.of()));
        }
        for (AttributedPackage a : withFiles) {
            DetectedPackage pkg = a.pkg().pkg().withDistro(distro);
            out.add(new InstalledPackage(pkg, files.layer(a.layerIndex()).diffId(), null, null));
            osOwners.add(pkg.purl(), a.pkg().files());
        }
        Map<String, String> scopes = new TreeMap<>();
        addLanguagePackages(files, osOwners, out, notes, scopes);
        layerWarnings(files, warnings);
        out.sort(ORDER);
        return new InventoryResult(os, out, warnings, notes, scopes);
    }

    /** The {@code .list} files of the final filesystem, keyed by {@code name:arch} and by {@code name}. */
    private static Map<String, List<String>> dpkgFileLists(FinalFiles files) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String path : files.pathsUnder(PackageFileKind.DPKG_INFO_DIR)) {
            if (PackageFileKind.of(path).orElse(null) != PackageFileKind.DPKG_LIST) {
                continue;
            }
            OptionalInt writer = files.writer(path);
            files.layer(writer.getAsInt()).findings().dpkgFileLists().stream()
                    .filter(l -> l.path().equals(path))
                    .findFirst()
                    .ifPresent(l -> out.put(l.architecture() == null ? l.packageName()
                            : l.packageName() + ":" + l.architecture(), l.files()));
        }
        return out;
    }

    private static void addLanguagePackages(FinalFiles files, OwnershipIndex osOwners, List<InstalledPackage> out,
                                            List<String> notes, Map<String, String> scopes) {
        List<FoundPackage> present = new ArrayList<>();
        List<String> presentDiffIds = new ArrayList<>();
        Map<String, NpmScope> npmScopes = new TreeMap<>();
        Map<String, String> scopeSource = new TreeMap<>();
        for (int i = 0; i < files.layers().size(); i++) {
            LayerFindings layer = files.layer(i);
            for (FoundPackage f : layer.findings().packages()) {
                if (files.writtenBy(f.file(), i)) {
                    present.add(f);
                    presentDiffIds.add(layer.diffId());
                }
            }
            for (NpmLockScopes lock : layer.findings().npmLocks()) {
                if (files.writtenBy(lock.path(), i)) {
                    lock.scopes().forEach((path, scope) -> {
                        npmScopes.put(path, scope);
                        scopeSource.put(path, lock.path());
                    });
                }
            }
        }
        OwnershipIndex pythonOwners = new OwnershipIndex();
        for (FoundPackage f : present) {
            if (f.pkg().type() == PackageType.PYPI) {
                pythonOwners.add(f.pkg().purl(), f.files());
            }
        }
        Map<String, List<String>> nonProdByLock = new LinkedHashMap<>();
        for (int i = 0; i < present.size(); i++) {
            FoundPackage f = present.get(i);
            Optional<String> owner = osOwners.owner(f.file());
            if (owner.isEmpty() && (f.pkg().type() == PackageType.MAVEN || f.pkg().type() == PackageType.GOLANG)) {
                owner = pythonOwners.owner(f.file());
            }
            out.add(new InstalledPackage(f.pkg(), presentDiffIds.get(i), owner.orElse(null), f.sha1()));
            if (f.application() && owner.isEmpty()) {
                notes.add("npm application " + f.pkg().name() + "@" + f.pkg().version() + " at " + f.file());
            }
            NpmScope scope = f.pkg().type() == PackageType.NPM ? npmScopes.get(f.file()) : null;
            if (scope != null) {
                scopes.put(f.file(), scope.name().toLowerCase());
                nonProdByLock.computeIfAbsent(scopeSource.get(f.file()), k -> new ArrayList<>())
                        .add(f.pkg().name() + "@" + f.pkg().version() + " (" + scope.name().toLowerCase() + ")");
            }
        }
        nonProdByLock.forEach((lock, names) -> notes.add(lock + " marks " + names.size()
                + " installed npm packages as not needed in production: "
                + String.join(", ", names.subList(0, Math.min(LISTED_NAMES, names.size())))
                + (names.size() > LISTED_NAMES ? ", ..." : "")));
    }

    /** Warnings about files still present as the layer that reported them wrote them (rpm databases included). */
    private static void layerWarnings(FinalFiles files, List<String> warnings) {
        for (int i = 0; i < files.layers().size(); i++) {
            for (FileWarning w : files.layer(i).findings().warnings()) {
                int nested = w.path().indexOf("!/");
                if (files.writtenBy(nested < 0 ? w.path() : w.path().substring(0, nested), i)) {
                    warnings.add(w.toString());
                }
            }
        }
    }
}
