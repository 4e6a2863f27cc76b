package dev.strata.scanner.gate;

import com.github.packageurl.PackageURL;
import dev.strata.scanner.vuln.match.Finding;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the VEX statement that decides a finding. A statement applies when its vulnerability (name or an alias)
 * is the finding's id or one of its aliases, and either a product purl covers the package ({@link PurlMatch}), or a
 * product is the scanned image ({@code pkg:oci}, with the image's digest as version or none) and the statement has
 * no subcomponents or one covering the package. Of several, the latest (by timestamp, then by order) decides.
 */
public final class VexMatcher {

    private static final Comparator<VexStatement> LATEST = Comparator
            .comparing(VexStatement::timestamp, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(VexStatement::order);

    private final List<VexStatement> statements;
    private final String imageDigest;

    /** {@code imageDigest} is the scanned image's manifest digest ({@code sha256:…}), null when unknown. */
    public VexMatcher(List<VexStatement> statements, String imageDigest) {
        this.statements = List.copyOf(statements);
        this.imageDigest = imageDigest;
    }

    /** The deciding statement for {@code finding}, if any applies. */
    public Optional<VexStatement> decide(Finding finding) {
        return statements.stream().filter(s -> aboutVulnerability(s, finding) && aboutPackage(s, finding))
                .max(LATEST);
    }

    private static boolean aboutVulnerability(VexStatement s, Finding f) {
        return names(f, s.vulnerability()) || s.aliases().stream().anyMatch(a -> names(f, a));
    }

    private static boolean names(Finding f, String id) {
        return id.equalsIgnoreCase(f.id()) || f.aliases().stream().anyMatch(id::equalsIgnoreCase);
    }

    private boolean aboutPackage(VexStatement s, Finding f) {
        for (String product : s.products()) {
            PackageURL purl = parseOrNull(product);
            if (purl == null) {
                continue;
            }
            if (PurlMatch.covers(purl, f.packagePurl())) {
                return true;
            }
            if (isThisImage(purl)) {
                return s.subcomponents().isEmpty() || s.subcomponents().stream()
                        .map(VexMatcher::parseOrNull).anyMatch(c -> c != null && PurlMatch.covers(c, f.packagePurl()));
            }
        }
        return false;
    }

    private boolean isThisImage(PackageURL purl) {
        if (!purl.getType().equals("oci")) {
            return false;
        }
        return purl.getVersion() == null || purl.getVersion().equalsIgnoreCase(imageDigest);
    }

    private static PackageURL parseOrNull(String purl) {
        try {
            return PurlMatch.parse(purl);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
