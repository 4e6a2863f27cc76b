package dev.strata.scanner.registry;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryErrorsTest {
    @Test
    void distributionErrorBodies() {
        byte[] body = ("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{}},"
                + "{\"code\":\"DENIED\"}]}").getBytes(StandardCharsets.UTF_8);
        assertThat(RegistryErrors.describe(body, "application/json"))
                .isEqualTo("MANIFEST_UNKNOWN: manifest unknown; DENIED");
        assertThat(RegistryErrors.describe("<h1>x</h1>".getBytes(StandardCharsets.UTF_8), "text/html"))
                .isEqualTo("an HTML page");
        assertThat(RegistryErrors.describe("plain\n  text".getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo("plain text");
        assertThat(RegistryErrors.describe(new byte[0], null)).isEmpty();
    }

    @Test
    void sameOriginForRedirects() {
        assertThat(RegistryHttp.sameOrigin(URI.create("https://r.io/v2/x"), URI.create("https://R.io:443/y"))).isTrue();
        assertThat(RegistryHttp.sameOrigin(URI.create("https://r.io/v2/x"), URI.create("https://cdn.r.io/y"))).isFalse();
        assertThat(RegistryHttp.sameOrigin(URI.create("http://r.io/v2/x"), URI.create("https://r.io/y"))).isFalse();
        assertThat(RegistryHttp.sameOrigin(URI.create("http://127.0.0.1:5000/a"), URI.create("http://127.0.0.1:5001/a")))
                .isFalse();
    }
}
