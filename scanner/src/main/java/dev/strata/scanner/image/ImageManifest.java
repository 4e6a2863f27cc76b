package dev.strata.scanner.image;

import java.util.List;
import java.util.Map;

/** An OCI image manifest or Docker schema 2 manifest: one config and its layers, lowest first. */
public record ImageManifest(String mediaType, Descriptor config, List<Descriptor> layers,
                            Map<String, String> annotations) implements ManifestDocument {
    public ImageManifest {
        layers = List.copyOf(layers);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
