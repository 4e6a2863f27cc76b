package dev.strata.index;

import dev.strata.scanner.image.Digest;

import java.util.List;
import java.util.Objects;

/**
 * One indexed image, keyed by manifest digest. {@code diffIds} are lowest layer first; {@code reportJson} is
 * opaque to the index and returned verbatim. {@code configDigest}, {@code reference}, {@code platform} and
 * {@code reportJson} may be null.
 */
public record IndexedImage(Digest manifestDigest, Digest configDigest, String reference, List<String> repoTags,
                           String platform, List<Digest> diffIds, long indexedAtMillis, String reportJson) {
    public IndexedImage {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }
}
