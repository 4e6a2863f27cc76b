package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageConfig;
import dev.strata.scanner.image.ImageConfigParser;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.ImageIndex;
import dev.strata.scanner.image.ImageManifest;
import dev.strata.scanner.image.ManifestDocument;
import dev.strata.scanner.image.ManifestParser;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.image.Platform;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks one image out of an OCI image layout (in a directory or a tar) by ref and platform. */
final class OciResolver {
    static final String CONTAINERD_NAME = "io.containerd.image.name";
    private static final int MAX_DEPTH = 8;

    private final BlobStore store;
    private final String reference;

    OciResolver(BlobStore store, String reference) {
        this.store = store;
        this.reference = reference;
    }

    static String blobName(Digest d) {
        return "blobs/" + d.algorithm() + "/" + d.hex();
    }

    ImageIndex readIndexJson() throws IOException {
        byte[] bytes = store.readSmall("index.json", "index.json");
        return ManifestParser.parseIndex(bytes, "index.json in " + store.describe());
    }

    /** Resolves {@code ref} (nullable: ref.name annotation or manifest digest) for {@code platform}. */
    Resolution resolve(String ref, Platform platform) throws IOException {
        ImageIndex top = readIndexJson();
        Descriptor chosen;
        if (ref != null) {
            chosen = byRef(top, ref);
        } else if (top.manifests().size() == 1) {
            chosen = top.manifests().get(0);
        } else if (top.manifests().isEmpty()) {
            throw new ImageFormatException("index.json in " + store.describe() + " lists no images");
        } else {
            chosen = onlyMatching(top, platform);
        }
        Descriptor manifest = MediaTypes.isIndex(chosen.mediaType()) ? selectPlatform(chosen, platform) : chosen;
        return new Resolution(fromManifest(manifest, repoTags(chosen)), Map.of());
    }

    private Descriptor byRef(ImageIndex top, String ref) throws IOException {
        if (Digest.isDigest(ref)) {
            Digest d = Digest.parse(ref);
            for (Descriptor m : top.manifests()) {
                if (m.digest().equals(d)) {
                    return m;
                }
            }
            long size = store.size(blobName(d));
            if (size < 0) {
                throw new ImageFormatException("no manifest " + ref + " in " + store.describe());
            }
            ManifestDocument doc = ManifestParser.parse(readVerified(new Descriptor(
                    MediaTypes.OCI_MANIFEST, d, size), "manifest"), d);
            return new Descriptor(doc.mediaType(), d, size);
        }
        for (Descriptor m : top.manifests()) {
            if (ref.equals(m.annotation(Descriptor.REF_NAME)) || ref.equals(m.annotation(CONTAINERD_NAME))) {
                return m;
            }
        }
        throw new ImageFormatException("no image named '" + ref + "' in " + store.describe()
                + "; available: " + refList(top));
    }

    private static String refList(ImageIndex top) {
        if (top.manifests().isEmpty()) {
            return "(none)";
        }
        return top.manifests().stream().map(OciResolver::refOf).collect(Collectors.joining(", "));
    }

    private static String refOf(Descriptor d) {
        String name = d.annotation(Descriptor.REF_NAME);
        if (name == null) {
            name = d.annotation(CONTAINERD_NAME);
        }
        return name != null ? name : d.digest().toString();
    }

    private Descriptor onlyMatching(ImageIndex top, Platform platform) throws IOException {
        List<Descriptor> matching = new ArrayList<>();
        for (Descriptor d : top.manifests()) {
            if (MediaTypes.isIndex(d.mediaType())) {
                if (!leaves(d, 0).stream().filter(l -> platform.matches(l.platform)).toList().isEmpty()) {
                    matching.add(d);
                }
            } else {
                Platform p = platformOf(d);
                if (p != null && platform.matches(p)) {
                    matching.add(d);
                }
            }
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        throw new ImageFormatException(store.describe() + " holds " + top.manifests().size() + " images"
                + (matching.isEmpty() ? ", none for " + platform : ", " + matching.size() + " for " + platform)
                + "; name one with a ref, available: " + refList(top));
    }

    private record Leaf(Descriptor descriptor, Platform platform) {
    }

    /** Picks the manifest for {@code platform} from the index {@code indexDesc}, through nested indexes. */
    private Descriptor selectPlatform(Descriptor indexDesc, Platform platform) throws IOException {
        List<Leaf> leaves = leaves(indexDesc, 0);
        Leaf best = null;
        for (Leaf l : leaves) {
            if (platform.matches(l.platform)) {
                if (platform.equals(l.platform)) {
                    return l.descriptor;
                }
                if (best == null) {
                    best = l;
                }
            }
        }
        if (best != null) {
            return best.descriptor;
        }
        Set<String> available = new LinkedHashSet<>();
        leaves.forEach(l -> available.add(l.platform.toString()));
        throw new ImageFormatException("no image for " + platform + " in " + store.describe() + "; available: "
                + (available.isEmpty() ? "(none)" : String.join(", ", available)));
    }

    private List<Leaf> leaves(Descriptor indexDesc, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ImageFormatException("indexes nested more than " + MAX_DEPTH + " deep in " + store.describe());
        }
        ImageIndex index = ManifestParser.parseIndex(readVerified(indexDesc, "index"),
                "index " + indexDesc.digest());
        List<Leaf> out = new ArrayList<>();
        for (Descriptor d : index.manifests()) {
            if (MediaTypes.isIndex(d.mediaType())) {
                out.addAll(leaves(d, depth + 1));
            } else if (MediaTypes.isManifest(d.mediaType()) && !isAttestation(d)) {
                Platform p = platformOf(d);
                if (p != null) {
                    out.add(new Leaf(d, p));
                }
            }
        }
        return out;
    }

    private static boolean isAttestation(Descriptor d) {
        return "attestation-manifest".equals(d.annotation("vnd.docker.reference.type"))
                || d.platform() != null && "unknown".equals(d.platform().os());
    }

    /** The descriptor's platform, else the platform of its config (null when its blobs are absent). */
    private Platform platformOf(Descriptor d) throws IOException {
        if (d.platform() != null) {
            return d.platform();
        }
        if (store.size(blobName(d.digest())) < 0) {
            return null;
        }
        ImageManifest m = ManifestParser.parseManifest(readVerified(d, "manifest"), d.digest());
        if (store.size(blobName(m.config().digest())) < 0) {
            return null;
        }
        return ImageConfigParser.parse(readVerified(m.config(), "config"), m.config().digest()).platform();
    }

    /** Reads the image whose manifest {@code manifestDesc} describes; verifies manifest and config. */
    ResolvedImage fromManifest(Descriptor manifestDesc, List<String> repoTags) throws IOException {
        byte[] manifestBytes = readVerified(manifestDesc, "manifest");
        ImageManifest manifest = ManifestParser.parseManifest(manifestBytes, manifestDesc.digest());
        byte[] configBytes = readVerified(manifest.config(), "config");
        ImageConfig config = ImageConfigParser.parse(configBytes, manifest.config().digest());
        return build(reference, manifestDesc.digest(), manifest, manifest.config().digest(), config, configBytes,
                repoTags);
    }

    static ResolvedImage build(String reference, Digest manifestDigest, ImageManifest manifest, Digest configDigest,
                               ImageConfig config, byte[] configBytes, List<String> repoTags)
            throws ImageFormatException {
        if (manifest.layers().size() != config.diffIds().size()) {
            throw new ImageFormatException("manifest " + manifestDigest + " lists " + manifest.layers().size()
                    + " layers but config " + configDigest + " lists " + config.diffIds().size() + " diff_ids");
        }
        return new ResolvedImage(reference, manifestDigest, manifest, configDigest, config, configBytes, repoTags);
    }

    /** Reads a manifest/index/config blob (≤ 4 MiB) and checks its size and digest against {@code d}. */
    byte[] readVerified(Descriptor d, String kind) throws IOException {
        String what = kind + " blob " + d.digest();
        if (d.size() > BlobStore.SMALL_LIMIT) {
            throw new ImageFormatException(what + " is " + d.size()
                    + " bytes, more than the 4 MiB limit for manifests and configs");
        }
        long size = store.size(blobName(d.digest()));
        if (size < 0) {
            throw new ImageFormatException(what + " is missing from " + store.describe() + store.missingHint());
        }
        byte[] bytes = store.readSmall(blobName(d.digest()), what);
        verify(bytes, d.digest(), what + " in " + store.describe());
        if (bytes.length != d.size()) {
            throw new ImageFormatException(what + " in " + store.describe() + " is " + bytes.length
                    + " bytes but its descriptor says " + d.size());
        }
        return bytes;
    }

    /** Checks that {@code bytes} hash to {@code expected}; {@code what} names the blob. */
    static void verify(byte[] bytes, Digest expected, String what) throws ImageFormatException {
        Digest actual = digestOf(expected.algorithm(), bytes);
        if (!actual.equals(expected)) {
            throw new ImageFormatException("digest mismatch: " + what + " has content digest " + actual);
        }
    }

    static Digest digestOf(String algorithm, byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
            return new Digest(algorithm, java.util.HexFormat.of().formatHex(md.digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Repo tags named by an index.json entry's annotations (a bare ref.name tag like "1.0" is not one). */
    static List<String> repoTags(Descriptor d) {
        Set<String> tags = new LinkedHashSet<>();
        String containerd = d.annotation(CONTAINERD_NAME);
        if (containerd != null && !containerd.isBlank()) {
            tags.add(containerd);
        }
        String ref = d.annotation(Descriptor.REF_NAME);
        if (ref != null && ref.contains(":") && !Digest.isDigest(ref)) {
            tags.add(ref);
        }
        return List.copyOf(tags);
    }

    /**
     * Finds, through nested indexes, the image manifest in index.json whose config digest is
     * {@code configDigest} (Docker ≥ 25 archives); blobs absent from the store are skipped. Returns the
     * manifest descriptor and the top-level descriptor it was found under, or null.
     */
    Descriptor[] findByConfig(Digest configDigest) throws IOException {
        ImageIndex top = readIndexJson();
        for (Descriptor d : top.manifests()) {
            Descriptor found = findByConfig(d, configDigest, 0);
            if (found != null) {
                return new Descriptor[] {found, d};
            }
        }
        return null;
    }

    private Descriptor findByConfig(Descriptor d, Digest configDigest, int depth) throws IOException {
        if (depth > MAX_DEPTH || store.size(blobName(d.digest())) < 0) {
            return null;
        }
        if (MediaTypes.isIndex(d.mediaType())) {
            ImageIndex index = ManifestParser.parseIndex(readVerified(d, "index"), "index " + d.digest());
            for (Descriptor child : index.manifests()) {
                Descriptor found = findByConfig(child, configDigest, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!MediaTypes.isManifest(d.mediaType())) {
            return null;
        }
        ImageManifest m = ManifestParser.parseManifest(readVerified(d, "manifest"), d.digest());
        return m.config().digest().equals(configDigest) ? d : null;
    }
}
