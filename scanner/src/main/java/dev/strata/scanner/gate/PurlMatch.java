package dev.strata.scanner.gate;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import java.util.Map;
import java.util.Objects;

/**
 * Whether a package URL given in a rule (ignore entry, VEX product) covers a package's purl. Type, namespace and
 * name must be equal (after the purl spec's normalisation); a rule without a version covers every version, one
 * without qualifiers covers every qualifier set, and each qualifier the rule gives must be present and equal; a
 * subpath in the rule must be equal.
 */
public final class PurlMatch {

    private PurlMatch() {
    }

    /** Parses {@code purl}, throwing {@link IllegalArgumentException} with the parser's reason when it is malformed. */
    public static PackageURL parse(String purl) {
        try {
            return new PackageURL(purl);
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw new IllegalArgumentException("invalid package URL '" + purl + "': " + e.getMessage(), e);
        }
    }

    /** The purl in the spec's canonical form ({@code +} as {@code %2B}, sorted qualifiers), or as given if invalid. */
    public static String canonical(String purl) {
        if (purl == null) {
            return null;
        }
        try {
            return new PackageURL(purl).canonicalize();
        } catch (MalformedPackageURLException | RuntimeException e) {
            return purl;
        }
    }

    /** Whether {@code rule} covers {@code actual}; an unparseable {@code actual} (or null) is never covered. */
    public static boolean covers(PackageURL rule, String actual) {
        if (actual == null) {
            return false;
        }
        PackageURL pkg;
        try {
            pkg = new PackageURL(actual);
        } catch (MalformedPackageURLException | RuntimeException e) {
            return false;
        }
        if (!rule.getType().equals(pkg.getType()) || !Objects.equals(rule.getNamespace(), pkg.getNamespace())
                || !rule.getName().equals(pkg.getName())) {
            return false;
        }
        if (rule.getVersion() != null && !rule.getVersion().equals(pkg.getVersion())) {
            return false;
        }
        if (rule.getSubpath() != null && !rule.getSubpath().equals(pkg.getSubpath())) {
            return false;
        }
        Map<String, String> wanted = rule.getQualifiers();
        if (wanted != null && !wanted.isEmpty()) {
            Map<String, String> present = pkg.getQualifiers();
            for (Map.Entry<String, String> q : wanted.entrySet()) {
                if (present == null || !q.getValue().equals(present.get(q.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
