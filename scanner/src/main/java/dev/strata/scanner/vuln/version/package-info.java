/**
 * Version ordering per packaging ecosystem, for matching installed package versions against advisory ranges:
 * {@link dev.strata.scanner.vuln.version.VersionSchemes#forEcosystem(String)} maps an OSV ecosystem name to a
 * {@link dev.strata.scanner.vuln.version.VersionScheme}. Each hand-written scheme is tested against pairs judged by its
 * ecosystem's own tool (dpkg, apk-tools, rpm, Python packaging, npm semver); the generator scripts live beside the
 * pair files in the test resources.
 */
package dev.strata.scanner.vuln.version;
