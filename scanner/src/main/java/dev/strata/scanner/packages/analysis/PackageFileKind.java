package dev.strata.scanner.packages.analysis;

import java.util.List;
import java.util.Optional;

/** The package-related files {@link LayerPackageScanner} reads itself, recognised by path alone. */
public enum PackageFileKind {
    OS_RELEASE,
    DEBIAN_VERSION,
    ALPINE_RELEASE,
    DPKG_STATUS,
    DPKG_STATUS_D,
    DPKG_LIST,
    APK_INSTALLED,
    RPM_SQLITE,
    RPM_OTHER,
    NPM_PACKAGE_JSON,
    NPM_LOCK,
    PYTHON_METADATA,
    PYTHON_RECORD;

    static final String DPKG_STATUS_PATH = "/var/lib/dpkg/status";
    static final String DPKG_STATUS_D_DIR = "/var/lib/dpkg/status.d/";
    static final String DPKG_INFO_DIR = "/var/lib/dpkg/info/";
    static final String APK_INSTALLED_PATH = "/lib/apk/db/installed";
    static final String NODE_MODULES = "/node_modules/";
    static final List<String> RPM_SQLITE_PATHS = List.of("/usr/lib/sysimage/rpm/rpmdb.sqlite",
            "/var/lib/rpm/rpmdb.sqlite");

    /** The kind of file {@code path} (clean, absolute), if it is one. */
    public static Optional<PackageFileKind> of(String path) {
        return Optional.ofNullable(classify(path));
    }

    private static PackageFileKind classify(String path) {
        switch (path) {
            case "/etc/os-release", "/usr/lib/os-release" -> {
                return OS_RELEASE;
            }
            case "/etc/debian_version" -> {
                return DEBIAN_VERSION;
            }
            case "/etc/alpine-release" -> {
                return ALPINE_RELEASE;
            }
            case DPKG_STATUS_PATH -> {
                return DPKG_STATUS;
            }
            case APK_INSTALLED_PATH -> {
                return APK_INSTALLED;
            }
            case "/var/lib/rpm/rpmdb.sqlite", "/usr/lib/sysimage/rpm/rpmdb.sqlite" -> {
                return RPM_SQLITE;
            }
            case "/var/lib/rpm/Packages", "/var/lib/rpm/Packages.db",
                 "/usr/lib/sysimage/rpm/Packages", "/usr/lib/sysimage/rpm/Packages.db" -> {
                return RPM_OTHER;
            }
            default -> {
                return classifyByShape(path);
            }
        }
    }

    private static PackageFileKind classifyByShape(String path) {
        if (path.startsWith(DPKG_STATUS_D_DIR)) {
            String name = path.substring(DPKG_STATUS_D_DIR.length());
            return name.isEmpty() || name.contains("/") || name.endsWith(".md5sums") ? null : DPKG_STATUS_D;
        }
        if (path.startsWith(DPKG_INFO_DIR) && path.endsWith(".list")
                && path.indexOf('/', DPKG_INFO_DIR.length()) < 0) {
            return DPKG_LIST;
        }
        if (path.endsWith("/package.json")) {
            return isNpmPackageRoot(path) || !path.contains(NODE_MODULES) ? NPM_PACKAGE_JSON : null;
        }
        if (path.endsWith("/package-lock.json") || path.endsWith("/npm-shrinkwrap.json")) {
            return path.contains(NODE_MODULES) ? null : NPM_LOCK;
        }
        if (path.endsWith("/node_modules/.package-lock.json")) {
            return path.substring(0, path.length() - "/node_modules/.package-lock.json".length())
                    .contains(NODE_MODULES) ? null : NPM_LOCK;
        }
        if (path.contains("/site-packages/") || path.contains("/dist-packages/")) {
            if (path.endsWith(".dist-info/METADATA") || path.endsWith(".egg-info/PKG-INFO")
                    || path.endsWith(".egg-info")) {
                return PYTHON_METADATA;
            }
            if (path.endsWith(".dist-info/RECORD")) {
                return PYTHON_RECORD;
            }
        }
        return null;
    }

    /**
     * Whether {@code path} is {@code .../node_modules/<name>/package.json} or
     * {@code .../node_modules/@scope/<name>/package.json}, not a file deeper inside a package.
     */
    static boolean isNpmPackageRoot(String path) {
        int nm = path.lastIndexOf(NODE_MODULES);
        if (nm < 0) {
            return false;
        }
        String rest = path.substring(nm + NODE_MODULES.length(), path.length() - "/package.json".length());
        String[] parts = rest.split("/", -1);
        if (parts.length == 1) {
            return !parts[0].isEmpty() && !parts[0].startsWith("@") && !parts[0].startsWith(".");
        }
        return parts.length == 2 && parts[0].length() > 1 && parts[0].startsWith("@") && !parts[1].isEmpty();
    }
}
