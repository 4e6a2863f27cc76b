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
 *   <li>The maven-bundle-plugin's default {@code Bundle-SymbolicName} ({@code groupId} when the artifactId is the
 *       group's last segment; {@code groupId.rest} when the artifactId is {@code lastSegment-rest};
 *       else {@code groupId.artifactId}), inverted against the artifactId taken from the file name, only where the
 *       inversion is unambiguous:
 *       <ul>
 *         <li>{@code org.objenesis} + {@code objenesis}: group {@code org.objenesis} (the other reading, group
 *             {@code org}, is a one-segment group, which Maven Central does not have);</li>
 *         <li>{@code com.fasterxml.jackson.core.jackson-core} + {@code jackson-core}: group
 *             {@code com.fasterxml.jackson.core} (the last segment has a dash: an artifactId, not a group part);</li>
 *         <li>{@code org.apache.commons.lang3} + {@code commons-lang3}: group {@code org.apache.commons}.</li>
 *       </ul></li>
 * </ol>
 * Anything else ({@code org.apache.felix} + {@code felix} could be either reading; a symbolic name unrelated to the
 * file name; no file-name artifactId) gives no group.
 */
final class ManifestGroupGuess {

    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

    private ManifestGroupGuess() {
    }

    static Optional<String> guess(JarManifest manifest, String artifactId) {
        String vendorId = manifest.get("Implementation-Vendor-Id").orElse("");
        if (GROUP_ID.matcher(vendorId).matches()) {
            return Optional.of(vendorId);
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
            if (n == 2) {
                return Optional.of(bsn);
            }
            if (artifactId.contains("-")) {
                return Optional.of(bsn.substring(0, bsn.length() - artifactId.length() - 1));
            }
            return Optional.empty();
        }
        if (n >= 3 && artifactId.equals(seg[n - 2] + "-" + seg[n - 1])) {
            return Optional.of(bsn.substring(0, bsn.length() - seg[n - 1].length() - 1));
        }
        return Optional.empty();
    }
}
