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

    /** An OpenAPI schema object as a JSON Schema that also refuses properties the document does not name. */
    static com.networknt.schema.JsonSchema closedSchema(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        close(copy);
        return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                .getSchema(copy);
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            if (o.has("properties")) {
                o.put("additionalProperties", false);
            }
            o.remove("example");
            o.elements().forEachRemaining(OpenApiRoutesTest::close);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(OpenApiRoutesTest::close);
        }
    }

    @Test
    void jobsAndErrorsHaveTheShapeTheDocumentGives() throws Exception {
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        java.nio.file.Files.writeString(tmp.resolve("junk.tar"), "junk");
        try (TestServer server = TestServer.startOpenWithLocalPaths(tmp)) {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(server.get("/api/v1/openapi.yaml").bodyAsString());
            var job = closedSchema(doc.at("/components/schemas/Job"));
            var error = closedSchema(doc.at("/components/schemas/Error"));
            var images = closedSchema(doc.at("/components/schemas/ImageSummary"));

            JsonNode queued = server.scan("docker-archive:" + tmp.resolve("a.tar"));
            JsonNode done = server.await(queued.get("id").asText());
            JsonNode failed = server.await(server.scan("docker-archive:" + tmp.resolve("junk.tar")).get("id").asText());
            for (JsonNode j : new JsonNode[] {queued, done, failed}) {
                assertThat(job.validate(j)).as(j.toString()).isEmpty();
            }
            JsonNode notFound = TestServer.json(server.get("/api/v1/scans/nope-nope-nope"));
            assertThat(error.validate(notFound)).as(notFound.toString()).isEmpty();
            JsonNode listed = TestServer.json(server.get("/api/v1/images")).at("/images/0");
            assertThat(images.validate(listed)).as(listed.toString()).isEmpty();
            // and the check can fail: a field the document does not name
            ((com.fasterxml.jackson.databind.node.ObjectNode) done).put("surprise", 1);
            assertThat(job.validate(done)).isNotEmpty();
        }
    }
}
