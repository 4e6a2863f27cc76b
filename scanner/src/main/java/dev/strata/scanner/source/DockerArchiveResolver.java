package dev.strata.scanner.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageConfig;
import dev.strata.scanner.image.ImageConfigParser;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.ImageManifest;
import dev.strata.scanner.image.ManifestParser;
import dev.strata.scanner.image.MediaTypes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks one image out of a {@code docker save} tar. {@code manifest.json} names the config and layer
 * files. When the tar also holds an OCI layout (Docker ≥ 25) with a manifest whose config digest equals
 * manifest.json's Config, that real manifest is used. Otherwise (legacy layout) a Docker schema-2
 * manifest is synthesised — see {@link #synthesise}.
 */
final class DockerArchiveResolver {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CONFIG_NAME = Pattern.compile("(?:blobs/sha256/([a-f0-9]{64}))|(?:([a-f0-9]{64})\\.json)");

    private final BlobStore store;
    private final String reference;

    DockerArchiveResolver(BlobStore store, String reference) {
        this.store = store;
        this.reference = reference;
    }

    private record Entry(String config, List<String> repoTags, List<String> layers) {
    }

    Resolution resolve(String repoTag, int index) throws IOException {
        List<Entry> entries = readManifestJson();
        Entry entry = choose(entries, repoTag, index);

        byte[] configBytes = store.readSmall(entry.config, "config " + entry.config);
        Digest configDigest = Digest.sha256Of(configBytes);
        Matcher m = CONFIG_NAME.matcher(entry.config);
        if (m.matches()) {
            String hex = m.group(1) != null ? m.group(1) : m.group(2);
            Digest expected = new Digest("sha256", hex);
            if (!expected.equals(configDigest)) {
                throw new ImageFormatException("digest mismatch: config " + entry.config + " in "
                        + store.describe() + " has content digest " + configDigest);
            }
        }
        ImageConfig config = ImageConfigParser.parse(configBytes, "image config " + entry.config);

        if (store.size("index.json") >= 0) {
            OciResolver oci = new OciResolver(store, reference);
            Descriptor[] found;
            try {
                found = oci.findByConfig(configDigest);
            } catch (ImageFormatException e) {
                found = null; // a broken OCI side-layout: fall back to manifest.json alone
            }
            if (found != null) {
                List<String> tags = entry.repoTags.isEmpty() ? OciResolver.repoTags(found[1]) : entry.repoTags;
                return new Resolution(oci.fromManifest(found[0], tags), Map.of());
            }
        }

        if (entry.layers.size() != config.diffIds().size()) {
            throw new ImageFormatException("manifest.json in " + store.describe() + " lists " + entry.layers.size()
                    + " layers but config " + entry.config + " lists " + config.diffIds().size() + " diff_ids");
        }
        List<Long> sizes = new ArrayList<>();
        for (String layer : entry.layers) {
            long size = store.size(layer);
            if (size < 0) {
                throw new ImageFormatException("layer " + layer + " listed in manifest.json is missing from "
                        + store.describe());
            }
            sizes.add(size);
        }
        byte[] manifestBytes = synthesise(configDigest, configBytes.length, config.diffIds(), sizes);
        Digest manifestDigest = Digest.sha256Of(manifestBytes);
        ImageManifest manifest = ManifestParser.parseManifest(manifestBytes, manifestDigest);
        Map<Digest, String> names = new HashMap<>();
        names.put(configDigest, entry.config);
        for (int i = 0; i < entry.layers.size(); i++) {
            names.putIfAbsent(config.diffIds().get(i), entry.layers.get(i));
        }
        return new Resolution(OciResolver.build(reference, manifestDigest, manifest, configDigest, config,
                configBytes, entry.repoTags), names);
    }

    /**
     * The Docker schema-2 manifest of a legacy archive, serialised canonically (fields in the order
     * schemaVersion, mediaType, config, layers; each descriptor mediaType, size, digest; no whitespace), so
     * its sha256 is a stable manifest digest. Layer descriptors have media type
     * {@link MediaTypes#DOCKER_LAYER_TAR}, digest = the config's {@code diff_ids[i]} (the digest of the
     * uncompressed layer tar) and size = the size of the {@code layer.tar} entry. If that entry turns out
     * to be compressed, the descriptor digest is still the diffID: consumers verify the uncompressed stream
     * against it and must not check the compressed bytes against it.
     */
    static byte[] synthesise(Digest configDigest, long configSize, List<Digest> diffIds, List<Long> sizes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.DOCKER_MANIFEST);
        ObjectNode config = root.putObject("config");
        config.put("mediaType", MediaTypes.DOCKER_CONFIG);
        config.put("size", configSize);
        config.put("digest", configDigest.toString());
        ArrayNode layers = root.putArray("layers");
        for (int i = 0; i < diffIds.size(); i++) {
            ObjectNode l = layers.addObject();
            l.put("mediaType", MediaTypes.DOCKER_LAYER_TAR);
            l.put("size", sizes.get(i));
            l.put("digest", diffIds.get(i).toString());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Entry> readManifestJson() throws IOException {
        byte[] bytes = store.readSmall("manifest.json", "manifest.json");
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ImageFormatException("manifest.json in " + store.describe() + " is not valid JSON");
        }
        if (root == null || !root.isArray()) {
            throw new ImageFormatException("manifest.json in " + store.describe() + " is not a JSON array");
        }
        if (root.isEmpty()) {
            throw new ImageFormatException("manifest.json in " + store.describe() + " lists no images");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            String what = "manifest.json[" + i + "] in " + store.describe();
            JsonNode config = e.get("Config");
            if (config == null || !config.isTextual() || config.asText().isEmpty()) {
                throw new ImageFormatException(what + " has no Config");
            }
            JsonNode layers = e.get("Layers");
            if (layers == null || !layers.isArray()) {
                throw new ImageFormatException(what + " has no Layers");
            }
            List<String> layerNames = new ArrayList<>();
            layers.forEach(l -> layerNames.add(TarStore.normalise(l.asText())));
            List<String> tags = new ArrayList<>();
            JsonNode rt = e.get("RepoTags");
            if (rt != null && rt.isArray()) {
                rt.forEach(t -> tags.add(t.asText()));
            }
            out.add(new Entry(TarStore.normalise(config.asText()), tags, layerNames));
        }
        return out;
    }

    private Entry choose(List<Entry> entries, String repoTag, int index) throws ImageFormatException {
        if (repoTag != null) {
            String want = normaliseTag(repoTag);
            for (Entry e : entries) {
                for (String t : e.repoTags) {
                    if (normaliseTag(t).equals(want)) {
                        return e;
                    }
                }
            }
            throw new ImageFormatException("no image tagged " + repoTag + " in " + store.describe()
                    + "; available: " + tagList(entries));
        }
        if (index >= 0) {
            if (index >= entries.size()) {
                throw new ImageFormatException("image @" + index + " out of range: " + store.describe() + " holds "
                        + entries.size() + " images");
            }
            return entries.get(index);
        }
        if (entries.size() == 1) {
            return entries.get(0);
        }
        throw new ImageFormatException(store.describe() + " holds " + entries.size()
                + " images; name one as docker-archive:PATH:repo:tag or :@N, available: " + tagList(entries));
    }

    private static String tagList(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(entries.get(i).repoTags.isEmpty() ? "@" + i : String.join(", ", entries.get(i).repoTags));
        }
        return out.stream().collect(Collectors.joining(", "));
    }

    /** {@code docker.io/library/x:tag}, {@code library/x:tag} and {@code x:tag} are the same image. */
    static String normaliseTag(String tag) {
        String t = SourceReferenceParser.withDefaultTag(tag.trim());
        for (String prefix : List.of("docker.io/", "index.docker.io/", "registry-1.docker.io/")) {
            if (t.startsWith(prefix)) {
                t = t.substring(prefix.length());
                break;
            }
        }
        if (t.startsWith("library/") && t.indexOf('/', "library/".length()) < 0) {
            t = t.substring("library/".length());
        }
        return t;
    }
}
