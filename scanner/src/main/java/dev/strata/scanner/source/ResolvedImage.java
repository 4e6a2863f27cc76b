package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageConfig;
import dev.strata.scanner.image.ImageManifest;

import java.util.List;

/**
 * One image picked out of a source: its manifest (and the manifest's digest), its parsed config (and
 * the raw config bytes, for inspect), and the repo tags the source knows for it.
 */
public record ResolvedImage(String reference, Digest manifestDigest, ImageManifest manifest,
                            Digest configDigest, ImageConfig config, byte[] rawConfig,
                            List<String> repoTags) {
    public ResolvedImage {
        repoTags = List.copyOf(repoTags);
        if (manifest.layers().size() != config.diffIds().size()) {
            throw new IllegalArgumentException("manifest lists " + manifest.layers().size()
                    + " layers but config rootfs.diff_ids lists " + config.diffIds().size());
        }
    }

    public List<Descriptor> layers() {
        return manifest.layers();
    }
}
