package dev.strata.scanner.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.Compression;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds container images in-process for tests, from layer tars made with {@link TarBuilder}, and writes
 * them in every on-disk format Strata reads. Every built object exposes the exact bytes and digests, so
 * tests assert computed values rather than hard-coded ones.
 *
 * <pre>{@code
 * Image img = ImageFixtures.image().layer(tar1, Compression.GZIP).layer(tar2, Compression.ZSTD)
 *         .platform("linux/arm64/v8").build();
 * Image one = ImageFixtures.image().layer(tar1, Compression.GZIP).writeOciLayout(dir);   // shortcut
 * ImageFixtures.layout().add(img, "app:1.2").writeDirectory(dir);            // oci:dir:app:1.2
 * ImageFixtures.layout().add(ImageFixtures.index(amd, arm), null).writeArchive(file); // oci-archive
 * ImageFixtures.dockerArchive().add(img, "app:1.2").writeTo(file);           // legacy docker save
 * ImageFixtures.dockerArchive().docker25().gzip().add(img, "app:1.2").writeTo(file);
 * }</pre>
 */
public final class ImageFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImageFixtures() {
    }

    public static ImageBuilder image() {
        return new ImageBuilder();
    }

    /** An index (OCI by default) of images and/or nested indexes; entries carry their platform. */
    public static Index index(Object... children) {
        return Index.of(MediaTypes.OCI_INDEX, List.of(children));
    }

    /** A Docker manifest list of images. */
    public static Index manifestList(Image... images) {
        return Index.of(MediaTypes.DOCKER_MANIFEST_LIST, List.of((Object[]) images));
    }

    public static LayoutBuilder layout() {
        return new LayoutBuilder();
    }

    public static DockerArchiveBuilder dockerArchive() {
        return new DockerArchiveBuilder();
    }

    /** A small layer tar holding one file, distinct per {@code seed}. */
    public static byte[] sampleLayer(String seed) {
        return new TarBuilder().dir("etc").file("etc/" + seed + ".txt", "content of " + seed + "\n").build();
    }

    public static Digest sha256(byte[] bytes) {
        return Digest.sha256Of(bytes);
    }

    static byte[] json(Object node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One layer: the uncompressed tar, the stored blob, and their digests. */
    public record Layer(byte[] tar, Compression compression, String mediaType, byte[] blob, Digest digest,
                        Digest diffId) {
        public Descriptor descriptor() {
            return new Descriptor(mediaType, digest, blob.length);
        }
    }

    /** A built image: manifest and config bytes and digests, and its layers (lowest first). */
    public record Image(byte[] manifest, Digest manifestDigest, String manifestMediaType, byte[] config,
                        Digest configDigest, List<Layer> layers, Platform platform) {
        public List<Digest> diffIds() {
            return layers.stream().map(Layer::diffId).toList();
        }

        /** Descriptor of the manifest, with the platform (as an index entry). */
        public Descriptor descriptor() {
            return new Descriptor(manifestMediaType, manifestDigest, manifest.length, platform, Map.of());
        }

        /** manifest, config and layer blobs by digest. */
        public Map<Digest, byte[]> blobs() {
            Map<Digest, byte[]> out = new LinkedHashMap<>();
            out.put(manifestDigest, manifest);
            out.put(configDigest, config);
            layers.forEach(l -> out.put(l.digest, l.blob));
            return out;
        }
    }

    /** A built index: its bytes and digest, and the images/indexes it lists. */
    public record Index(byte[] bytes, Digest digest, String mediaType, List<Object> children) {
        static Index of(String mediaType, List<Object> children) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("schemaVersion", 2);
            root.put("mediaType", mediaType);
            ArrayNode manifests = root.putArray("manifests");
            for (Object c : children) {
                ObjectNode d = manifests.addObject();
                if (c instanceof Image img) {
                    d.put("mediaType", img.manifestMediaType);
                    d.put("digest", img.manifestDigest.toString());
                    d.put("size", img.manifest.length);
                    ObjectNode p = d.putObject("platform");
                    p.put("architecture", img.platform.architecture());
                    p.put("os", img.platform.os());
                    if (img.platform.variant() != null) {
                        p.put("variant", img.platform.variant());
                    }
                } else if (c instanceof Index idx) {
                    d.put("mediaType", idx.mediaType);
                    d.put("digest", idx.digest.toString());
                    d.put("size", idx.bytes.length);
                } else {
                    throw new IllegalArgumentException("index children are Image or Index, not " + c);
                }
            }
            byte[] bytes = json(root);
            return new Index(bytes, sha256(bytes), mediaType, List.copyOf(children));
        }

        public Map<Digest, byte[]> blobs() {
            Map<Digest, byte[]> out = new LinkedHashMap<>();
            out.put(digest, bytes);
            for (Object c : children) {
                out.putAll(c instanceof Image i ? i.blobs() : ((Index) c).blobs());
            }
            return out;
        }
    }

    public static final class ImageBuilder {
        private final List<Layer> layers = new ArrayList<>();
        private Platform platform = Platform.LINUX_AMD64;
        private boolean docker;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private final List<String> env = new ArrayList<>(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        private String user;
        private List<String> cmd = List.of("/bin/sh");

        /** Adds a layer stored with {@code compression}. */
        public ImageBuilder layer(byte[] tar, Compression compression) {
            byte[] blob = switch (compression) {
                case NONE -> tar;
                case GZIP -> TarBuilder.gzip(tar);
                case ZSTD -> TarBuilder.zstd(tar);
            };
            layers.add(new Layer(tar, compression, null, blob, sha256(blob), sha256(tar)));
            return this;
        }

        /**
         * Adds a layer whose stored blob and claimed diffID are given as they are, for tests of broken
         * layers (truncated blobs, diffIDs that do not match the content); the digest is the blob's own.
         */
        public ImageBuilder rawLayer(byte[] blob, Compression declared, Digest claimedDiffId) {
            layers.add(new Layer(new byte[0], declared, null, blob, sha256(blob), claimedDiffId));
            return this;
        }

        /** Adds a gzip-compressed layer. */
        public ImageBuilder layer(byte[] tar) {
            return layer(tar, Compression.GZIP);
        }

        public ImageBuilder platform(String platform) {
            this.platform = Platform.parse(platform);
            return this;
        }

        /** Docker schema-2 media types (manifest, config, layers) instead of OCI ones. */
        public ImageBuilder dockerMediaTypes() {
            this.docker = true;
            return this;
        }

        public ImageBuilder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        /** An annotation of the image's manifest. */
        public ImageBuilder annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        public ImageBuilder env(String entry) {
            env.add(entry);
            return this;
        }

        public ImageBuilder user(String user) {
            this.user = user;
            return this;
        }

        public ImageBuilder cmd(String... cmd) {
            this.cmd = List.of(cmd);
            return this;
        }

        /** Builds the image and writes it as the only entry of an OCI layout directory. */
        public Image writeOciLayout(Path dir) {
            Image img = build();
            layout().add(img, null).writeDirectory(dir);
            return img;
        }

        /** Builds the image and writes it as the only entry of an oci-archive tar. */
        public Image writeOciArchive(Path file) {
            Image img = build();
            layout().add(img, null).writeArchive(file);
            return img;
        }

        /** Builds the image and writes it as a legacy {@code docker save} tar with {@code repoTags}. */
        public Image writeDockerArchive(Path file, String... repoTags) {
            Image img = build();
            dockerArchive().add(img, repoTags).writeTo(file);
            return img;
        }

        public Image build() {
            List<Layer> typed = new ArrayList<>();
            for (Layer l : layers) {
                typed.add(new Layer(l.tar, l.compression, layerType(l.compression), l.blob, l.digest, l.diffId));
            }
            byte[] config = json(configJson(typed));
            Digest configDigest = sha256(config);
            ObjectNode m = MAPPER.createObjectNode();
            m.put("schemaVersion", 2);
            String manifestType = docker ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST;
            m.put("mediaType", manifestType);
            ObjectNode c = m.putObject("config");
            c.put("mediaType", docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG);
            c.put("digest", configDigest.toString());
            c.put("size", config.length);
            ArrayNode ls = m.putArray("layers");
            for (Layer l : typed) {
                ObjectNode d = ls.addObject();
                d.put("mediaType", l.mediaType);
                d.put("digest", l.digest.toString());
                d.put("size", l.blob.length);
            }
            if (!annotations.isEmpty()) {
                ObjectNode a = m.putObject("annotations");
                annotations.forEach(a::put);
            }
            byte[] manifest = json(m);
            return new Image(manifest, sha256(manifest), manifestType, config, configDigest, typed, platform);
        }

        private String layerType(Compression c) {
            return switch (c) {
                case NONE -> docker ? MediaTypes.DOCKER_LAYER_TAR : MediaTypes.OCI_LAYER_TAR;
                case GZIP -> docker ? MediaTypes.DOCKER_LAYER_GZIP : MediaTypes.OCI_LAYER_GZIP;
                case ZSTD -> docker ? MediaTypes.DOCKER_LAYER_ZSTD : MediaTypes.OCI_LAYER_ZSTD;
            };
        }

        private ObjectNode configJson(List<Layer> typed) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("architecture", platform.architecture());
            root.put("os", platform.os());
            if (platform.variant() != null) {
                root.put("variant", platform.variant());
            }
            root.put("created", "2024-01-02T03:04:05Z");
            root.put("author", "strata tests");
            ObjectNode cfg = root.putObject("config");
            if (user != null) {
                cfg.put("User", user);
            }
            ArrayNode e = cfg.putArray("Env");
            env.forEach(e::add);
            ArrayNode cm = cfg.putArray("Cmd");
            cmd.forEach(cm::add);
            cfg.put("WorkingDir", "/");
            cfg.putObject("ExposedPorts").putObject("8080/tcp");
            ObjectNode l = cfg.putObject("Labels");
            labels.forEach(l::put);
            ObjectNode rootfs = root.putObject("rootfs");
            rootfs.put("type", "layers");
            ArrayNode ids = rootfs.putArray("diff_ids");
            typed.forEach(x -> ids.add(x.diffId.toString()));
            ArrayNode history = root.putArray("history");
            for (int i = 0; i < typed.size(); i++) {
                history.addObject().put("created", "2024-01-02T03:04:05Z").put("created_by", "layer " + i);
            }
            history.addObject().put("created_by", "CMD [\"/bin/sh\"]").put("empty_layer", true);
            return root;
        }
    }

    /** An OCI image layout: index.json entries (images or indexes, optionally named by ref.name). */
    public static final class LayoutBuilder {
        private final List<Object> entries = new ArrayList<>();
        private final List<Map<String, String>> annotations = new ArrayList<>();

        /** Adds an {@link Image} or {@link Index} to index.json; {@code refName} may be null. */
        public LayoutBuilder add(Object imageOrIndex, String refName) {
            Map<String, String> a = new LinkedHashMap<>();
            if (refName != null) {
                a.put(Descriptor.REF_NAME, refName);
            }
            return addAnnotated(imageOrIndex, a);
        }

        /** Adds an entry with arbitrary annotations (e.g. {@code io.containerd.image.name}). */
        public LayoutBuilder addAnnotated(Object imageOrIndex, Map<String, String> entryAnnotations) {
            if (!(imageOrIndex instanceof Image) && !(imageOrIndex instanceof Index)) {
                throw new IllegalArgumentException("layout entries are Image or Index");
            }
            entries.add(imageOrIndex);
            annotations.add(entryAnnotations);
            return this;
        }

        public byte[] indexJson() {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("schemaVersion", 2);
            root.put("mediaType", MediaTypes.OCI_INDEX);
            ArrayNode manifests = root.putArray("manifests");
            for (int i = 0; i < entries.size(); i++) {
                ObjectNode d = manifests.addObject();
                Object e = entries.get(i);
                if (e instanceof Image img) {
                    d.put("mediaType", img.manifestMediaType);
                    d.put("digest", img.manifestDigest.toString());
                    d.put("size", img.manifest.length);
                } else {
                    Index idx = (Index) e;
                    d.put("mediaType", idx.mediaType);
                    d.put("digest", idx.digest.toString());
                    d.put("size", idx.bytes.length);
                }
                if (!annotations.get(i).isEmpty()) {
                    ObjectNode a = d.putObject("annotations");
                    annotations.get(i).forEach(a::put);
                }
            }
            return json(root);
        }

        /** Every blob of every entry, by digest. */
        public Map<Digest, byte[]> blobs() {
            Map<Digest, byte[]> out = new LinkedHashMap<>();
            for (Object e : entries) {
                out.putAll(e instanceof Image i ? i.blobs() : ((Index) e).blobs());
            }
            return out;
        }

        /** The layout's files by relative path (oci-layout, index.json, blobs/sha256/…). */
        public Map<String, byte[]> files() {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            files.put("index.json", indexJson());
            blobs().forEach((d, b) -> files.put("blobs/" + d.algorithm() + "/" + d.hex(), b));
            return files;
        }

        public Path writeDirectory(Path dir) {
            try {
                for (Map.Entry<String, byte[]> f : files().entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir;
        }

        /** The layout as an (uncompressed) oci-archive tar. */
        public byte[] archive() {
            TarBuilder tar = new TarBuilder();
            tar.dir("blobs").dir("blobs/sha256");
            files().forEach(tar::file);
            return tar.build();
        }

        public Path writeArchive(Path file) {
            return write(file, archive());
        }
    }

    /** A {@code docker save} tar: legacy layout, or Docker ≥ 25 (OCI layout inside), optionally gzipped. */
    public static final class DockerArchiveBuilder {
        private final List<Image> images = new ArrayList<>();
        private final List<List<String>> tags = new ArrayList<>();
        private boolean docker25;
        private boolean gzip;
        private boolean omitRepoTags;

        public DockerArchiveBuilder add(Image image, String... repoTags) {
            images.add(image);
            tags.add(List.of(repoTags));
            return this;
        }

        /** Docker ≥ 25 layout: oci-layout, index.json and blobs/sha256/… plus manifest.json pointing at blobs. */
        public DockerArchiveBuilder docker25() {
            this.docker25 = true;
            return this;
        }

        /** Leaves manifest.json's RepoTags empty (with {@link #docker25()} the names stay in index.json). */
        public DockerArchiveBuilder omitRepoTags() {
            this.omitRepoTags = true;
            return this;
        }

        /** {@code docker save | gzip}. */
        public DockerArchiveBuilder gzip() {
            this.gzip = true;
            return this;
        }

        public byte[] build() {
            TarBuilder tar = new TarBuilder();
            ArrayNode manifestJson = MAPPER.createArrayNode();
            ObjectNode repositories = MAPPER.createObjectNode();
            Map<String, byte[]> files = new LinkedHashMap<>();
            if (docker25) {
                LayoutBuilder layout = new LayoutBuilder();
                for (int i = 0; i < images.size(); i++) {
                    Map<String, String> a = new LinkedHashMap<>();
                    if (!tags.get(i).isEmpty()) {
                        String t = tags.get(i).get(0);
                        a.put("io.containerd.image.name", t.contains("/") ? t : "docker.io/library/" + t);
                        a.put(Descriptor.REF_NAME, t.substring(t.lastIndexOf(':') + 1));
                    }
                    layout.addAnnotated(images.get(i), a);
                }
                files.putAll(layout.files());
            }
            for (int i = 0; i < images.size(); i++) {
                Image img = images.get(i);
                ObjectNode entry = manifestJson.addObject();
                String configName = docker25 ? "blobs/sha256/" + img.configDigest.hex() : img.configDigest.hex() + ".json";
                entry.put("Config", configName);
                ArrayNode rt = entry.putArray("RepoTags");
                if (!omitRepoTags) {
                    tags.get(i).forEach(rt::add);
                }
                ArrayNode ls = entry.putArray("Layers");
                files.putIfAbsent(configName, img.config);
                String parent = "";
                for (Layer l : img.layers) {
                    if (docker25) {
                        ls.add("blobs/sha256/" + l.digest.hex());
                    } else {
                        String id = sha256((parent + " " + l.diffId).getBytes(StandardCharsets.UTF_8)).hex();
                        ls.add(id + "/layer.tar");
                        files.putIfAbsent(id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
                        files.putIfAbsent(id + "/json", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
                        files.putIfAbsent(id + "/layer.tar", l.tar);
                        parent = id;
                    }
                }
                for (String t : tags.get(i)) {
                    int c = t.lastIndexOf(':');
                    ObjectNode repo = repositories.has(t.substring(0, c))
                            ? (ObjectNode) repositories.get(t.substring(0, c)) : repositories.putObject(t.substring(0, c));
                    repo.put(t.substring(c + 1), parent.isEmpty() ? img.configDigest.hex() : parent);
                }
            }
            files.put("manifest.json", json(manifestJson));
            files.put("repositories", json(repositories));
            files.forEach(tar::file);
            byte[] bytes = tar.build();
            return gzip ? TarBuilder.gzip(bytes) : bytes;
        }

        public Path writeTo(Path file) {
            return write(file, build());
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The manifest a legacy docker-archive synthesises for {@code image}, written here independently of
     * the production code: canonical Docker schema-2 JSON with plain-tar layer descriptors whose digests are
     * the diffIDs and sizes the uncompressed tar sizes.
     */
    public static byte[] expectedLegacyManifest(Image image) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"schemaVersion\":2,\"mediaType\":\"").append(MediaTypes.DOCKER_MANIFEST).append("\",")
                .append("\"config\":{\"mediaType\":\"").append(MediaTypes.DOCKER_CONFIG).append("\",\"size\":")
                .append(image.config.length).append(",\"digest\":\"").append(image.configDigest).append("\"},")
                .append("\"layers\":[");
        for (int i = 0; i < image.layers.size(); i++) {
            Layer l = image.layers.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"mediaType\":\"").append(MediaTypes.DOCKER_LAYER_TAR).append("\",\"size\":")
                    .append(l.tar.length).append(",\"digest\":\"").append(l.diffId).append("\"}");
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
