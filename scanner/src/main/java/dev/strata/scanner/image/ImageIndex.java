package dev.strata.scanner.image;

import java.util.List;
import java.util.Map;

/** An OCI image index or Docker manifest list. */
public record ImageIndex(String mediaType, List<Descriptor> manifests, Map<String, String> annotations)
        implements ManifestDocument {
    public ImageIndex {
        manifests = List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
