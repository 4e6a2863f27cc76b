package dev.strata.scanner.registry;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerConfigTest {
    private static DockerConfig parse(String json) throws IOException {
        return DockerConfig.parse(json.getBytes(StandardCharsets.UTF_8), "config.json");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void inlineAuthsByHostAndDockerHubKey() throws IOException {
        DockerConfig c = parse("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:pw:with:colons")
                + "\"},\"registry.example.com:5000\":{\"username\":\"u\",\"password\":\"p\"},"
                + "\"https://ghcr.io\":{\"auth\":\"" + b64("g:h") + "\"}}}");
        assertThat(c.inline(RegistryReference.DOCKER_HUB)).contains(new Credentials("hub", "pw:with:colons"));
        assertThat(c.inline("registry.example.com:5000")).contains(new Credentials("u", "p"));
        assertThat(c.inline("ghcr.io")).contains(new Credentials("g", "h"));
        assertThat(c.inline("quay.io")).isEmpty();
    }

    @Test
    void helpersPerRegistryThenTheDefaultStore() throws IOException {
        DockerConfig c = parse("{\"credHelpers\":{\"gcr.io\":\"gcloud\"},\"credsStore\":\"secretservice\"}");
        assertThat(c.helper("gcr.io")).contains("gcloud");
        assertThat(c.helper("quay.io")).contains("secretservice");
        assertThat(parse("{}").helper("quay.io")).isEmpty();
        assertThat(DockerConfig.helperServer(RegistryReference.DOCKER_HUB)).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void badFiles() throws IOException {
        assertThatThrownBy(() -> parse("{oops")).hasMessage("config.json is not valid JSON");
        assertThatThrownBy(() -> parse("{\"auths\":{\"h\":{\"auth\":\"!!\"}}}").inline("h"))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> parse("{\"auths\":{\"h\":{\"auth\":\"" + b64("nocolon") + "\"}}}").inline("h"))
                .hasMessageContaining("not user:password");
    }

    @Test
    void credentialHelperAnswers() throws IOException {
        assertThat(CredentialHelper.parse("{\"ServerURL\":\"s\",\"Username\":\"u\",\"Secret\":\"x\"}", "h"))
                .contains(new Credentials("u", "x"));
        assertThatThrownBy(() -> CredentialHelper.parse("nope", "docker-credential-h"))
                .hasMessageContaining("not JSON");
        assertThat(new Credentials("u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void identityTokensInAuthsAndFromHelpers() throws IOException {
        DockerConfig c = parse("{\"auths\":{\"acr.example\":{\"auth\":\"" + b64("00000000-0000:") + "\","
                + "\"identitytoken\":\"rt-1\"},\"bare.example\":{\"identitytoken\":\"rt-2\"},"
                + "\"pw.example\":{\"auth\":\"" + b64("u:p") + "\"}}}");
        assertThat(c.inline("acr.example")).contains(new Credentials("00000000-0000", "", "rt-1"));
        assertThat(c.inline("bare.example")).contains(Credentials.ofIdentityToken("", "rt-2"));
        assertThat(c.inline("bare.example").orElseThrow().hasIdentityToken()).isTrue();
        assertThat(c.inline("pw.example").orElseThrow().hasIdentityToken()).isFalse();
        assertThat(CredentialHelper.parse("{\"ServerURL\":\"s\",\"Username\":\"<token>\",\"Secret\":\"rt-3\"}", "h"))
                .contains(new Credentials("", "", "rt-3"));
        assertThat(Credentials.ofIdentityToken("", "rt-secret").toString()).doesNotContain("rt-secret");
    }
}
