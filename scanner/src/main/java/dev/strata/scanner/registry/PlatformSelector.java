package dev.strata.scanner.registry;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.ImageIndex;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.image.Platform;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Picks the manifest for a platform out of one index level, as local sources do: an exact platform match
 * wins, else the first compatible one; attestation manifests are skipped; nested indexes are returned for
 * the caller to open.
 */
final class PlatformSelector {
    private PlatformSelector() {
    }

    /** The chosen entry: an image manifest for {@code platform}, or a nested index to descend into. */
    static Descriptor select(ImageIndex index, Platform platform, String what) throws ImageFormatException {
        Descriptor best = null;
        Set<String> available = new LinkedHashSet<>();
        for (Descriptor d : index.manifests()) {
            if (MediaTypes.isIndex(d.mediaType())) {
                if (d.platform() == null || platform.matches(d.platform())) {
                    if (best == null) {
                        best = d;
                    }
                }
                continue;
            }
            if (!MediaTypes.isManifest(d.mediaType()) || d.platform() == null || isAttestation(d)) {
                continue;
            }
            available.add(d.platform().toString());
            if (platform.matches(d.platform())) {
                if (platform.equals(d.platform())) {
                    return d;
                }
                if (best == null || MediaTypes.isIndex(best.mediaType())) {
                    best = d;
                }
            }
        }
        if (best != null) {
            return best;
        }
        throw new ImageFormatException("no image for " + platform + " in " + what + "; available: "
                + (available.isEmpty() ? "(none)" : String.join(", ", available)));
    }

    private static boolean isAttestation(Descriptor d) {
        return "attestation-manifest".equals(d.annotation("vnd.docker.reference.type"))
                || "unknown".equals(d.platform().os());
    }
}
