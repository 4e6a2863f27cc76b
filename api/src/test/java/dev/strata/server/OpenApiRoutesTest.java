package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route of the router is in the OpenAPI document, and every operation of the document is routed. */
class OpenApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    @TempDir
    Path tmp;

    @Test
    void theDocumentServedDescribesExactlyTheRouterRoutes() throws Exception {
        try (TestServer server = TestServer.startOpenWithLocalPaths(tmp)) {
            var served = server.get("/api/v1/openapi.yaml");
            assertThat(served.statusCode()).isEqualTo(200);
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(served.bodyAsString());
            assertThat(doc.get("openapi").asText()).startsWith("3.");

            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
            Set<String> routed = new TreeSet<>();
            for (Route route : server.server.router().getRoutes()) {
                if (route.getPath() == null || route.methods() == null) {
                    continue; // auth and failure handlers apply to every route
                }
                for (HttpMethod m : route.methods()) {
                    routed.add(m.name() + " " + route.getPath().replaceAll(":([A-Za-z]+)", "{$1}"));
                }
            }
            assertThat(routed).hasSizeGreaterThan(10);
            assertThat(documented).isEqualTo(routed);
        }
    }
}
