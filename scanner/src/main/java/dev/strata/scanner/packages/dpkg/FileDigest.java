package dev.strata.scanner.packages.dpkg;

/** An absolute path owned by a package and its expected MD5 digest (lower-case hex). */
public record FileDigest(String path, String md5) {
}
