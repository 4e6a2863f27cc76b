package dev.strata.scanner.image;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Optional;

/**
 * The base image an image declares with the OCI keys {@code org.opencontainers.image.base.name} and
 * {@code org.opencontainers.image.base.digest}: from its manifest's annotations (where the OCI image spec puts
 * them) or, when the manifest has neither key, from its config's labels (where {@code docker build} tools put
 * them). {@code source} says which: {@value #MANIFEST_ANNOTATIONS} or {@value #CONFIG_LABELS}; a key the source
 * lacks is null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclaredBase(String name, String digest, String source) {
    public static final String NAME_KEY = "org.opencontainers.image.base.name";
    public static final String DIGEST_KEY = "org.opencontainers.image.base.digest";
    public static final String MANIFEST_ANNOTATIONS = "manifest-annotations";
    public static final String CONFIG_LABELS = "config-labels";

    /** The declared base from the manifest's annotations, else the config's labels (either map may be null). */
    public static Optional<DeclaredBase> of(Map<String, String> manifestAnnotations, Map<String, String> configLabels) {
        Optional<DeclaredBase> annotated = from(manifestAnnotations, MANIFEST_ANNOTATIONS);
        return annotated.isPresent() ? annotated : from(configLabels, CONFIG_LABELS);
    }

    private static Optional<DeclaredBase> from(Map<String, String> keys, String source) {
        if (keys == null) {
            return Optional.empty();
        }
        String name = blankToNull(keys.get(NAME_KEY));
        String digest = blankToNull(keys.get(DIGEST_KEY));
        return name == null && digest == null ? Optional.empty() : Optional.of(new DeclaredBase(name, digest, source));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** "NAME@DIGEST (from manifest annotations)", leaving out what is missing. */
    public String describe() {
        String what = name == null ? digest : digest == null ? name : name + "@" + digest;
        return what + " (from " + source.replace('-', ' ') + ")";
    }
}
