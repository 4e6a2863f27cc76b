package dev.strata.scanner.image;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestParserTest {
    private static final String D1 = "sha256:" + "a".repeat(64);
    private static final String D2 = "sha256:" + "b".repeat(64);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String manifest(String mediaTypeField) {
        return "{\"schemaVersion\":2," + mediaTypeField
                + "\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + D1 + "\",\"size\":12},"
                + "\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER_GZIP + "\",\"digest\":\"" + D2
                + "\",\"size\":34,\"annotations\":{\"k\":\"v\"}}]}";
    }

    @Test
    void parsesOciManifestWithMediaType() throws Exception {
        ManifestDocument doc = ManifestParser.parse(b(manifest("\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",")),
                (Digest) null);
        assertThat(doc).isInstanceOf(ImageManifest.class);
        ImageManifest m = (ImageManifest) doc;
        assertThat(m.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(m.config().digest().toString()).isEqualTo(D1);
        assertThat(m.config().size()).isEqualTo(12);
        assertThat(m.layers()).hasSize(1);
        assertThat(m.layers().get(0).digest().toString()).isEqualTo(D2);
        assertThat(m.layers().get(0).annotation("k")).isEqualTo("v");
    }

    @Test
    void withoutMediaTypeConfigMeansOciManifest() throws Exception {
        ManifestDocument doc = ManifestParser.parse(b(manifest("")), (Digest) null);
        assertThat(doc).isInstanceOf(ImageManifest.class);
        assertThat(doc.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    void withoutMediaTypeManifestsMeansOciIndex() throws Exception {
        String json = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"digest\":\"" + D1 + "\",\"size\":5,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\","
                + "\"variant\":\"v8\"}}]}";
        ManifestDocument doc = ManifestParser.parse(b(json), (Digest) null);
        assertThat(doc).isInstanceOf(ImageIndex.class);
        ImageIndex idx = (ImageIndex) doc;
        assertThat(idx.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(idx.manifests().get(0).platform()).isEqualTo(new Platform("linux", "arm64", "v8"));
    }

    @Test
    void dockerManifestList() throws Exception {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST_LIST + "\",\"manifests\":[]}";
        assertThat(ManifestParser.parse(b(json), (Digest) null).mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
    }

    @Test
    void rejectsSchema1() {
        String json = "{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"1\",\"fsLayers\":[]}";
        assertThatThrownBy(() -> ManifestParser.parse(b(json), new Digest("sha256", "c".repeat(64))))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("Docker schema 1 manifests are not supported")
                .hasMessageContaining("sha256:" + "c".repeat(64));
    }

    @Test
    void rejectsNonJsonNamingTheBlob() {
        Digest d = new Digest("sha256", "d".repeat(64));
        assertThatThrownBy(() -> ManifestParser.parse(b("not json {"), d))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining(d.toString()).hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void rejectsMissingConfigAndLayers() {
        assertThatThrownBy(() -> ManifestParser.parse(b("{\"schemaVersion\":2,\"mediaType\":\""
                + MediaTypes.OCI_MANIFEST + "\",\"layers\":[]}"), (Digest) null))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("config");
        assertThatThrownBy(() -> ManifestParser.parse(b("{\"schemaVersion\":2,\"mediaType\":\""
                + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\"x\",\"digest\":\"" + D1
                + "\",\"size\":1}}"), (Digest) null))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("layers");
    }

    @Test
    void rejectsBadDigest() {
        String json = manifest("").replace(D2, "sha256:1234");
        assertThatThrownBy(() -> ManifestParser.parse(b(json), (Digest) null))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("layers[0]").hasMessageContaining("sha256:1234");
    }

    @Test
    void rejectsUnknownMediaTypeAndMissingSchemaVersion() {
        assertThatThrownBy(() -> ManifestParser.parse(b("{\"schemaVersion\":2,\"mediaType\":\"text/plain\"}"),
                (Digest) null)).isInstanceOf(ImageFormatException.class).hasMessageContaining("text/plain");
        assertThatThrownBy(() -> ManifestParser.parse(b("{\"config\":{}}"), (Digest) null))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> ManifestParser.parse(b("[]"), (Digest) null))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void parseManifestRejectsIndex() {
        String json = "{\"schemaVersion\":2,\"manifests\":[]}";
        assertThatThrownBy(() -> ManifestParser.parseManifest(b(json), null))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("expected an image manifest");
    }
}
