package dev.strata.scanner.packages.analysis;

import dev.strata.scanner.packages.os.OsInfo;

/** The distribution named by one os-release, debian_version or alpine-release file of a layer. */
public record OsFileFinding(String path, OsInfo os) {
}
