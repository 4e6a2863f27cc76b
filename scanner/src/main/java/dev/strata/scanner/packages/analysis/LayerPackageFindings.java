package dev.strata.scanner.packages.analysis;

import java.util.List;

/**
 * Everything package detection found in one layer, independent of the layers around it, so it can be cached by
 * the layer's diffID. OS package databases are kept whole (they are compared across layers); language packages
 * are kept with the file they were read from. {@code dpkgStatus} and {@code apkInstalled} are null when the layer
 * does not write them; {@code rpmDatabases} are the rpm SQLite databases the layer writes and that were read.
 */
public record LayerPackageFindings(
        List<OsFileFinding> osFiles,
        PackageDatabase dpkgStatus,
        List<PackageDatabase> dpkgStatusD,
        List<DpkgFileListFinding> dpkgFileLists,
        PackageDatabase apkInstalled,
        List<PackageDatabase> rpmDatabases,
        List<FoundPackage> packages,
        List<NpmLockScopes> npmLocks,
        List<FileWarning> warnings) {

    public LayerPackageFindings {
        osFiles = copy(osFiles);
        dpkgStatusD = copy(dpkgStatusD);
        dpkgFileLists = copy(dpkgFileLists);
        rpmDatabases = copy(rpmDatabases);
        packages = copy(packages);
        npmLocks = copy(npmLocks);
        warnings = copy(warnings);
    }

    /** Findings of a layer without any package files. */
    public static LayerPackageFindings empty() {
        return new LayerPackageFindings(List.of(), null, List.of(), List.of(), null, List.of(), List.of(),
                List.of(), List.of());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
