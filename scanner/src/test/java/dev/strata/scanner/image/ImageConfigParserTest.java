package dev.strata.scanner.image;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageConfigParserTest {
    private static final String D1 = "sha256:" + "a".repeat(64);
    private static final String D2 = "sha256:" + "b".repeat(64);

    @Test
    void parsesAllReportedFields() throws Exception {
        String json = """
                {"architecture":"arm64","os":"linux","variant":"v8","created":"2024-01-02T03:04:05Z","author":"me",
                 "config":{"User":"1000:1000","Env":["A=1","B=2"],"Entrypoint":["/entry"],"Cmd":["run","x"],
                   "WorkingDir":"/app","ExposedPorts":{"80/tcp":{},"443/tcp":{}},"Volumes":{"/data":{}},
                   "Labels":{"org.opencontainers.image.version":"1.2"},"StopSignal":"SIGTERM"},
                 "rootfs":{"type":"layers","diff_ids":["%s","%s"]},
                 "history":[{"created":"2024-01-01T00:00:00Z","created_by":"ADD x /","comment":"c"},
                            {"created_by":"CMD run","empty_layer":true},
                            {"created_by":"RUN y","author":"a"}]}
                """.formatted(D1, D2);
        ImageConfig c = ImageConfigParser.parse(json.getBytes(StandardCharsets.UTF_8), (Digest) null);
        assertThat(c.platform()).isEqualTo(new Platform("linux", "arm64", "v8"));
        assertThat(c.created()).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(c.author()).isEqualTo("me");
        assertThat(c.config().user()).isEqualTo("1000:1000");
        assertThat(c.config().env()).containsExactly("A=1", "B=2");
        assertThat(c.config().entrypoint()).containsExactly("/entry");
        assertThat(c.config().cmd()).containsExactly("run", "x");
        assertThat(c.config().workingDir()).isEqualTo("/app");
        assertThat(c.config().exposedPorts()).containsExactly("80/tcp", "443/tcp");
        assertThat(c.config().volumes()).containsExactly("/data");
        assertThat(c.config().labels()).isEqualTo(Map.of("org.opencontainers.image.version", "1.2"));
        assertThat(c.config().stopSignal()).isEqualTo("SIGTERM");
        assertThat(c.diffIds()).containsExactly(Digest.parse(D1), Digest.parse(D2));
        assertThat(c.history()).hasSize(3);
        assertThat(c.history().get(0).comment()).isEqualTo("c");
        assertThat(c.history().get(1).emptyLayer()).isTrue();
        assertThat(c.history().get(2).author()).isEqualTo("a");
        assertThat(c.history().get(2).emptyLayer()).isFalse();
    }

    @Test
    void configWithoutRuntimeConfigUsesEmpty() throws Exception {
        String json = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"diff_ids\":[]}}";
        ImageConfig c = ImageConfigParser.parse(json.getBytes(StandardCharsets.UTF_8), (Digest) null);
        assertThat(c.config()).isEqualTo(ImageConfig.RuntimeConfig.EMPTY);
        assertThat(c.diffIds()).isEqualTo(List.of());
        assertThat(c.history()).isEmpty();
    }

    @Test
    void rejectsMissingFields() {
        Digest d = new Digest("sha256", "e".repeat(64));
        assertThatThrownBy(() -> ImageConfigParser.parse(
                "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8), d))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("rootfs").hasMessageContaining(d.toString());
        assertThatThrownBy(() -> ImageConfigParser.parse(
                "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{}}".getBytes(StandardCharsets.UTF_8), d))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("diff_ids");
        assertThatThrownBy(() -> ImageConfigParser.parse(
                "{\"os\":\"linux\",\"rootfs\":{\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8), d))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("architecture");
        assertThatThrownBy(() -> ImageConfigParser.parse(
                "{\"architecture\":\"amd64\",\"rootfs\":{\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8), d))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("os");
        assertThatThrownBy(() -> ImageConfigParser.parse("nope".getBytes(StandardCharsets.UTF_8), d))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ImageConfigParser.parse(("{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"rootfs\":{\"diff_ids\":[\"sha256:zz\"]}}").getBytes(StandardCharsets.UTF_8), d))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("diff_ids[0]");
    }
}
