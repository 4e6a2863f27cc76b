package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;

import java.util.Map;

/** A resolved image plus where each of its blobs lives in the store (digest → file name). */
record Resolution(ResolvedImage image, Map<Digest, String> names) {
    Resolution {
        names = Map.copyOf(names);
    }

    /** The store file holding {@code blob}: an explicit name, else {@code blobs/<alg>/<hex>}. */
    String nameOf(Descriptor blob) {
        String n = names.get(blob.digest());
        return n != null ? n : OciResolver.blobName(blob.digest());
    }
}
