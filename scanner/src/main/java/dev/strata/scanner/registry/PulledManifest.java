package dev.strata.scanner.registry;

import dev.strata.scanner.image.Digest;

/** A manifest or index as the registry served it: its bytes, their digest and the served media type. */
public record PulledManifest(byte[] bytes, Digest digest, String contentType) {
}
