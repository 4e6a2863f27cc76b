package dev.strata.index;

import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.Digest;

import java.util.List;
import java.util.Objects;

/**
 * One indexed image, keyed by manifest digest. {@code diffIds} are lowest layer first; {@code reportJson} is
 * opaque to the index and returned verbatim; {@code declaredBase} is the base image the image declares (kept
 * beside the report so fleet views need not read reports). {@code configDigest}, {@code reference},
 * {@code platform}, {@code reportJson} and {@code declaredBase} may be null.
 */
public record IndexedImage(Digest manifestDigest, Digest configDigest, String reference, List<String> repoTags,
                           String platform, List<Digest> diffIds, long indexedAtMillis, String reportJson,
                           DeclaredBase declaredBase) {
    public IndexedImage {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }

    /** An image without a declared base. */
    public IndexedImage(Digest manifestDigest, Digest configDigest, String reference, List<String> repoTags,
                        String platform, List<Digest> diffIds, long indexedAtMillis, String reportJson) {
        this(manifestDigest, configDigest, reference, repoTags, platform, diffIds, indexedAtMillis, reportJson, null);
    }
}
