package dev.strata.scanner.image;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses manifest and index JSON into a {@link ManifestDocument}. The kind is decided by
 * {@code schemaVersion}, then {@code mediaType}; without a mediaType, a {@code manifests} array means an
 * OCI index and a {@code config} object an OCI manifest. Docker schema 1 is rejected.
 */
public final class ManifestParser {
    static final String SCHEMA1_MESSAGE =
            "Docker schema 1 manifests are not supported; re-push the image with a current Docker/skopeo";

    private ManifestParser() {
    }

    /** Parses {@code json}; {@code digest} (nullable) only names the blob in error messages. */
    public static ManifestDocument parse(byte[] json, Digest digest) throws ImageFormatException {
        return parse(json, digest == null ? "manifest" : "manifest " + digest);
    }

    /** Parses {@code json}; {@code what} names the blob in error messages, e.g. {@code "manifest sha256:…"}. */
    public static ManifestDocument parse(byte[] json, String what) throws ImageFormatException {
        JsonNode root = Json.read(json, what);
        if (!root.isObject()) {
            throw new ImageFormatException(what + " is not a JSON object");
        }
        JsonNode sv = root.get("schemaVersion");
        String mediaType = Json.text(root, "mediaType");
        if (sv != null && sv.isInt() && sv.asInt() == 1
                || MediaTypes.DOCKER_MANIFEST_V1.equals(mediaType)
                || MediaTypes.DOCKER_MANIFEST_V1_SIGNED.equals(mediaType)
                || root.has("fsLayers")) {
            throw new ImageFormatException(what + ": " + SCHEMA1_MESSAGE);
        }
        if (sv == null || !sv.isIntegralNumber()) {
            throw new ImageFormatException(what + " has no schemaVersion");
        }
        if (sv.asInt() != 2) {
            throw new ImageFormatException(what + " has unsupported schemaVersion " + sv.asText());
        }
        boolean index;
        if (mediaType != null) {
            if (MediaTypes.isIndex(mediaType)) {
                index = true;
            } else if (MediaTypes.isManifest(mediaType)) {
                index = false;
            } else {
                throw new ImageFormatException(what + " has unsupported mediaType " + mediaType);
            }
        } else if (root.has("manifests")) {
            index = true;
            mediaType = MediaTypes.OCI_INDEX;
        } else if (root.has("config")) {
            index = false;
            mediaType = MediaTypes.OCI_MANIFEST;
        } else {
            throw new ImageFormatException(what + " has no mediaType and neither 'manifests' nor 'config'");
        }
        return index ? parseIndex(root, mediaType, what) : parseManifest(root, mediaType, what);
    }

    /** Parses {@code json} and requires an image manifest (not an index). */
    public static ImageManifest parseManifest(byte[] json, Digest digest) throws ImageFormatException {
        ManifestDocument doc = parse(json, digest);
        if (doc instanceof ImageManifest m) {
            return m;
        }
        throw new ImageFormatException((digest == null ? "manifest" : "manifest " + digest)
                + " is an index (" + doc.mediaType() + "), expected an image manifest");
    }

    /** Parses {@code json} and requires an index. */
    public static ImageIndex parseIndex(byte[] json, String what) throws ImageFormatException {
        ManifestDocument doc = parse(json, what);
        if (doc instanceof ImageIndex i) {
            return i;
        }
        throw new ImageFormatException(what + " is an image manifest (" + doc.mediaType() + "), expected an index");
    }

    private static ImageIndex parseIndex(JsonNode root, String mediaType, String what) throws ImageFormatException {
        JsonNode manifests = root.get("manifests");
        if (manifests == null || !manifests.isArray()) {
            throw new ImageFormatException(what + " has no 'manifests' array");
        }
        List<Descriptor> list = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            list.add(descriptor(manifests.get(i), what + " manifests[" + i + "]"));
        }
        return new ImageIndex(mediaType, list, Json.stringMap(root, "annotations"));
    }

    private static ImageManifest parseManifest(JsonNode root, String mediaType, String what)
            throws ImageFormatException {
        JsonNode config = root.get("config");
        if (config == null || !config.isObject()) {
            throw new ImageFormatException(what + " has no 'config' descriptor");
        }
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new ImageFormatException(what + " has no 'layers' array");
        }
        Descriptor cfg = descriptor(config, what + " config");
        List<Descriptor> list = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            list.add(descriptor(layers.get(i), what + " layers[" + i + "]"));
        }
        return new ImageManifest(mediaType, cfg, list, Json.stringMap(root, "annotations"));
    }

    /** Parses one descriptor object; {@code what} names it in errors. */
    public static Descriptor descriptor(JsonNode node, String what) throws ImageFormatException {
        if (node == null || !node.isObject()) {
            throw new ImageFormatException(what + " is not a descriptor object");
        }
        String mediaType = Json.text(node, "mediaType");
        if (mediaType == null) {
            throw new ImageFormatException(what + " has no mediaType");
        }
        String digestText = Json.text(node, "digest");
        if (digestText == null) {
            throw new ImageFormatException(what + " has no digest");
        }
        Digest digest;
        try {
            digest = Digest.parse(digestText);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(what + " has a bad digest '" + digestText + "': " + e.getMessage());
        }
        JsonNode size = node.get("size");
        if (size == null || !size.isIntegralNumber() || size.asLong() < 0) {
            throw new ImageFormatException(what + " (" + digest + ") has no valid size");
        }
        Platform platform = null;
        JsonNode p = node.get("platform");
        if (p != null && p.isObject()) {
            String os = Json.text(p, "os");
            String arch = Json.text(p, "architecture");
            if (os != null && arch != null && !os.isBlank() && !arch.isBlank()) {
                platform = new Platform(os, arch, Json.text(p, "variant"));
            }
        }
        return new Descriptor(mediaType, digest, size.asLong(), platform, Json.stringMap(node, "annotations"));
    }
}
