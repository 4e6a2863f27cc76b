package dev.strata.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.index.IndexedImage;

import java.util.List;

/** How reports name an indexed image: manifest digest, the reference it was scanned as, its repo tags. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageRef(String digest, String reference, List<String> tags) {
    public ImageRef {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    static ImageRef of(IndexedImage image) {
        return new ImageRef(image.manifestDigest().toString(), image.reference(), image.repoTags());
    }

    /** A short human name: the first tag, else the reference, else the digest. */
    public String name() {
        return !tags.isEmpty() ? tags.get(0) : reference != null ? reference : digest;
    }
}
