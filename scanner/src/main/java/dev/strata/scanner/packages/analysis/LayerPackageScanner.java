package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.layer.LayerFileVisitor;
import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.PackageParseException;
import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.ParseWarning;
import dev.strata.scanner.packages.apk.ApkInstalledParser;
import dev.strata.scanner.packages.apk.ApkPackage;
import dev.strata.scanner.packages.dpkg.DpkgFileList;
import dev.strata.scanner.packages.dpkg.DpkgInfoFile;
import dev.strata.scanner.packages.dpkg.DpkgPackage;
import dev.strata.scanner.packages.dpkg.DpkgStatusParser;
import dev.strata.scanner.packages.npm.LockedPackage;
import dev.strata.scanner.packages.npm.NpmPackage;
import dev.strata.scanner.packages.npm.NpmPackageJsonParser;
import dev.strata.scanner.packages.npm.NpmScope;
import dev.strata.scanner.packages.npm.PackageLock;
import dev.strata.scanner.packages.npm.PackageLockParser;
import dev.strata.scanner.packages.os.AlpineReleaseParser;
import dev.strata.scanner.packages.os.DebianVersionParser;
import dev.strata.scanner.packages.os.OsReleaseParser;
import dev.strata.scanner.packages.python.PythonMetadataParser;
import dev.strata.scanner.packages.python.PythonPackage;
import dev.strata.scanner.packages.python.RecordEntry;
import dev.strata.scanner.packages.python.RecordParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the package files of one layer while it streams: OS identification, dpkg, apk and rpm databases, npm
 * and Python metadata; every other file an extra {@link FileAnalyzer} wants goes to the first such analyser.
 * One instance per layer, used on the layer-reading thread; {@link #findings()} is called once the layer is read.
 */
public final class LayerPackageScanner implements LayerFileVisitor {

    /** Largest OS package database read (dpkg status, apk installed). */
    public static final long MAX_DATABASE_BYTES = 256L << 20;
    /** Largest other package file read (metadata, file lists, package.json, lockfiles). */
    public static final long MAX_FILE_BYTES = 32L << 20;

    private final List<FileAnalyzer> extraAnalyzers;
    private final Path tmpDir;

    private final List<OsFileFinding> osFiles = new ArrayList<>();
    private PackageDatabase dpkgStatus;
    private final List<PackageDatabase> dpkgStatusD = new ArrayList<>();
    private final List<DpkgFileListFinding> dpkgFileLists = new ArrayList<>();
    private PackageDatabase apkInstalled;
    private final List<PackageDatabase> rpmDatabases = new ArrayList<>();
    private final List<FoundPackage> packages = new ArrayList<>();
    private final Map<String, FoundPackage> pythonByDir = new TreeMap<>();
    private final Map<String, List<String>> recordsByDir = new TreeMap<>();
    private final List<NpmLockScopes> npmLocks = new ArrayList<>();
    private final List<FileWarning> warnings = new ArrayList<>();

    private String pendingPath;
    private PackageFileKind pendingKind;
    private FileAnalyzer pendingAnalyzer;

    /**
     * A scanner that also offers files to {@code extraAnalyzers} (Java archives, Go binaries, ...), in order, and
     * copies an rpm SQLite database into {@code tmpDir} to read it (null: rpm databases are reported, not read).
     */
    public LayerPackageScanner(List<FileAnalyzer> extraAnalyzers, Path tmpDir) {
        this.extraAnalyzers = List.copyOf(extraAnalyzers);
        this.tmpDir = tmpDir;
    }

    /** A scanner without a temporary directory: rpm databases are reported as not read. */
    public LayerPackageScanner(List<FileAnalyzer> extraAnalyzers) {
        this(extraAnalyzers, null);
    }

    @Override
    public boolean wants(String path, long size) {
        pendingPath = null;
        pendingKind = null;
        pendingAnalyzer = null;
        Optional<PackageFileKind> kind = PackageFileKind.of(path);
        if (kind.isPresent()) {
            return wantsOwn(path, size, kind.get());
        }
        for (FileAnalyzer analyzer : extraAnalyzers) {
            if (analyzer.wants(path, size)) {
                pendingPath = path;
                pendingAnalyzer = analyzer;
                return true;
            }
        }
        return false;
    }

    private boolean wantsOwn(String path, long size, PackageFileKind kind) {
        if (kind == PackageFileKind.RPM_OTHER || kind == PackageFileKind.RPM_SQLITE && tmpDir == null) {
            warnings.add(new FileWarning(path, kind == PackageFileKind.RPM_SQLITE
                    ? "rpm database in SQLite format not read (no temporary directory given)"
                    : "rpm database in BerkeleyDB/NDB format not read"));
            return false;
        }
        long limit = kind == PackageFileKind.DPKG_STATUS || kind == PackageFileKind.APK_INSTALLED
                || kind == PackageFileKind.RPM_SQLITE ? MAX_DATABASE_BYTES : MAX_FILE_BYTES;
        if (size > limit) {
            warnings.add(new FileWarning(path, "not read: " + size + " bytes is more than the limit of "
                    + limit + " bytes"));
            return false;
        }
        pendingPath = path;
        pendingKind = kind;
        return true;
    }

    @Override
    public void visit(String path, InputStream content) throws IOException {
        if (!path.equals(pendingPath)) {
            return;
        }
        try {
            if (pendingAnalyzer != null) {
                pendingAnalyzer.analyze(path, content, new Sink(path));
            } else if (pendingKind != null) {
                read(path, pendingKind, content);
            }
        } catch (PackageParseException | RuntimeException e) {
            warnings.add(new FileWarning(path, "not read: " + e.getMessage()));
        } finally {
            pendingPath = null;
        }
    }

    private void read(String path, PackageFileKind kind, InputStream in) throws IOException, PackageParseException {
        switch (kind) {
            case OS_RELEASE -> {
                var release = new OsReleaseParser().parse(in);
                warn(path, release.warnings());
                release.osInfo().ifPresentOrElse(os -> osFiles.add(new OsFileFinding(path, os)),
                        () -> warnings.add(new FileWarning(path, "no ID in os-release")));
            }
            case DEBIAN_VERSION -> new DebianVersionParser().parse(in)
                    .ifPresent(os -> osFiles.add(new OsFileFinding(path, os)));
            case ALPINE_RELEASE -> new AlpineReleaseParser().parse(in)
                    .ifPresent(os -> osFiles.add(new OsFileFinding(path, os)));
            case DPKG_STATUS -> dpkgStatus = dpkg(path, new DpkgStatusParser().parseStatus(in));
            case DPKG_STATUS_D -> dpkgStatusD.add(dpkg(path, new DpkgStatusParser().parseStatusD(in)));
            case DPKG_LIST -> readDpkgList(path, in);
            case APK_INSTALLED -> readApk(path, in);
            case RPM_SQLITE -> readRpm(path, in);
            case NPM_PACKAGE_JSON -> readPackageJson(path, in);
            case NPM_LOCK -> readLock(path, in);
            case PYTHON_METADATA -> readPythonMetadata(path, in);
            case PYTHON_RECORD -> readRecord(path, in);
            default -> throw new IllegalStateException("not read here: " + kind);
        }
    }

    private PackageDatabase dpkg(String path, ParseResult<DpkgPackage> result) {
        warn(path, result.warnings());
        List<DatabasePackage> list = result.items().stream()
                .map(p -> new DatabasePackage(p.toDetectedPackage(path, null), List.of()))
                .toList();
        return new PackageDatabase(path, list);
    }

    private void readDpkgList(String path, InputStream in) throws IOException {
        Optional<DpkgInfoFile> info = DpkgInfoFile.ofPath(path);
        if (info.isEmpty()) {
            return;
        }
        List<String> files = new DpkgFileList().parseList(in);
        dpkgFileLists.add(new DpkgFileListFinding(path, info.get().packageName(), info.get().architecture(), files));
    }

    private void readApk(String path, InputStream in) throws IOException {
        ParseResult<ApkPackage> result = new ApkInstalledParser().parse(in);
        warn(path, result.warnings());
        apkInstalled = new PackageDatabase(path, result.items().stream()
                .map(p -> new DatabasePackage(p.toDetectedPackage(path, null), p.files()))
                .toList());
    }

    private void readRpm(String path, InputStream in) throws IOException, PackageParseException {
        List<RpmHeader> headers = new RpmSqliteReader(tmpDir).read(in, MAX_DATABASE_BYTES,
                (row, problem) -> warnings.add(new FileWarning(path, "package header " + row + " skipped: "
                        + problem)));
        rpmDatabases.add(new PackageDatabase(path, headers.stream()
                .map(h -> new DatabasePackage(h.toDetectedPackage(path), h.files()))
                .toList()));
    }

    private void readPackageJson(String path, InputStream in) throws IOException, PackageParseException {
        boolean application = !path.contains(PackageFileKind.NODE_MODULES);
        ParseResult<NpmPackage> result = new NpmPackageJsonParser().parse(in);
        if (!application) {
            warn(path, result.warnings()); // an application folder's package.json need not name a package
        }
        for (NpmPackage p : result.items()) {
            packages.add(new FoundPackage(path, p.toDetectedPackage(path), null, List.of(), application));
        }
    }

    private void readLock(String path, InputStream in) throws IOException, PackageParseException {
        PackageLock lock = new PackageLockParser().parse(in);
        warn(path, lock.warnings());
        String projectDir = path.endsWith("/node_modules/.package-lock.json")
                ? path.substring(0, path.length() - "/node_modules/.package-lock.json".length())
                : path.substring(0, path.lastIndexOf('/'));
        Map<String, NpmScope> scopes = new LinkedHashMap<>();
        for (LockedPackage p : lock.packages()) {
            if (p.scope() != NpmScope.PROD) {
                scopes.put(projectDir + "/" + p.path() + "/package.json", p.scope());
            }
        }
        npmLocks.add(new NpmLockScopes(path, scopes));
    }

    private void readPythonMetadata(String path, InputStream in) throws IOException {
        ParseResult<PythonPackage> result = new PythonMetadataParser().parse(in);
        warn(path, result.warnings());
        for (PythonPackage p : result.items()) {
            pythonByDir.put(metadataDir(path), new FoundPackage(path, p.toDetectedPackage(path), null, List.of(),
                    false));
        }
    }

    private void readRecord(String path, InputStream in) throws IOException {
        String distInfo = metadataDir(path);
        String sitePackages = distInfo.substring(0, distInfo.lastIndexOf('/'));
        ParseResult<RecordEntry> result = new RecordParser().parse(in);
        warn(path, result.warnings());
        recordsByDir.put(distInfo, result.items().stream().map(e -> e.resolveAgainst(sitePackages)).toList());
    }

    /** The {@code .dist-info} / {@code .egg-info} directory of a metadata file (the path itself for a PKG-INFO file). */
    private static String metadataDir(String path) {
        return path.endsWith(".egg-info") ? path : path.substring(0, path.lastIndexOf('/'));
    }

    private void warn(String path, List<ParseWarning> parseWarnings) {
        parseWarnings.forEach(w -> warnings.add(new FileWarning(path, w.toString())));
    }

    /** What this layer holds; call after the layer was read. */
    public LayerPackageFindings findings() {
        List<FoundPackage> all = new ArrayList<>(packages);
        pythonByDir.forEach((dir, p) -> all.add(new FoundPackage(p.file(), p.pkg(), null,
                recordsByDir.getOrDefault(dir, List.of()), false)));
        return new LayerPackageFindings(osFiles, dpkgStatus, dpkgStatusD, dpkgFileLists, apkInstalled,
                rpmDatabases, all, npmLocks, warnings);
    }

    /** Collects what an extra analyser reports for one file. */
    private final class Sink implements AnalysisSink {
        private final String file;

        Sink(String file) {
            this.file = file;
        }

        @Override
        public void foundPackage(DetectedPackage pkg, String sha1) {
            packages.add(new FoundPackage(file, pkg, sha1, List.of(), false));
        }

        @Override
        public void warning(String path, String message) {
            warnings.add(new FileWarning(path, message));
        }
    }
}
