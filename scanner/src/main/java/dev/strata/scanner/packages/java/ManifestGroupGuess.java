package dev.strata.scanner.packages.java;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guesses the Maven groupId of a jar that has a manifest but no {@code pom.properties}, only where a build tool's
 * convention makes the answer near certain:
 *
 * <ol>
 *   <li>{@code Implementation-Vendor-Id}, when it looks like a groupId (dotted, no spaces): Maven's archiver wrote
 *       the groupId there ({@code addDefaultImplementationEntries}).</li>
 *   <li>The maven-bundle-plugin's default {@code Bundle-SymbolicName}, inverted against the artifactId taken from
 *       the file name: symbolic name {@code org.objenesis} with artifact {@code objenesis} (its last segment) gives
 *       group {@code org.objenesis}; {@code org.apache.commons.lang3} with artifact {@code commons-lang3} (the last
 *       two segments joined by a dash) gives group {@code org.apache.commons}. The group must keep two segments.</li>
 * </ol>
 * Anything else (a symbolic name unrelated to the file name, no file-name artifactId) gives no group.
 */
final class ManifestGroupGuess {

    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

    private ManifestGroupGuess() {
    }

    static Optional<String> guess(JarManifest manifest, String artifactId) {
        Optional<String> vendorId = manifest.get("Implementation-Vendor-Id").filter(v -> GROUP_ID.matcher(v).matches());
        if (vendorId.isPresent()) {
            return vendorId;
        }
        if (artifactId == null) {
            return Optional.empty();
        }
        return manifest.bundleSymbolicName()
                .filter(bsn -> GROUP_ID.matcher(bsn).matches())
                .flatMap(bsn -> fromSymbolicName(bsn, artifactId));
    }

    private static Optional<String> fromSymbolicName(String bsn, String artifactId) {
        String[] seg = bsn.split("\\.");
        int n = seg.length;
        if (seg[n - 1].equals(artifactId)) {
            return Optional.of(bsn);
        }
        if (n >= 4 && artifactId.equals(seg[n - 2] + "-" + seg[n - 1])) {
            return Optional.of(bsn.substring(0, bsn.length() - seg[n - 1].length() - 1));
        }
        return Optional.empty();
    }
}
