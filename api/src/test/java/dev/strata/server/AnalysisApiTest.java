package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.strata.server.TestServer.assertError;
import static dev.strata.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/images/{digest}/efficiency}, {@code /api/v1/dedup} and {@code /api/v1/diff} over scanned images. */
class AnalysisApiTest {
    private static final String BIG = "x".repeat(3000);

    @TempDir
    Path tmp;
    TestServer server;
    String a;
    String w;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.startOpenWithLocalPaths(tmp);
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        // w: the same base, then a 3000-byte file a higher layer overwrites (3000 bytes wasted)
        ImageFixtures.image().layer(TestImages.baseLayer(), Compression.GZIP)
                .layer(new TarBuilder().dir("srv").file("srv/big.txt", BIG).build(), Compression.GZIP)
                .layer(new TarBuilder().dir("srv").file("srv/big.txt", "small\n").build(), Compression.GZIP)
                .writeDockerArchive(tmp.resolve("w.tar"), "test/w:1.0");
        a = scanned("a.tar");
        w = scanned("w.tar");
    }

    private String scanned(String file) throws Exception {
        JsonNode done = server.await(server.scan("docker-archive:" + tmp.resolve(file)).get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        return done.get("digest").asText();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void efficiencyCountsTheOverwrittenFile() throws Exception {
        JsonNode r = json(server.get("/api/v1/images/" + w + "/efficiency"));
        assertThat(r.at("/image/digest").asText()).isEqualTo(w);
        assertThat(r.at("/efficiency/removedBytes").asLong()).isEqualTo(BIG.length());
        assertThat(r.at("/efficiency/wastedBytes").asLong()).isEqualTo(BIG.length());
        assertThat(r.at("/efficiency/topWasted/0/path").asText()).isEqualTo("/srv/big.txt");
        assertThat(r.at("/efficiency/topWasted/0/how").asText()).isEqualTo("overwritten");
        assertThat(json(server.get("/api/v1/images/" + a + "/efficiency")).at("/efficiency/wastedBytes").asLong())
                .isZero();
        // the image is found by a tag as well, and limit bounds the list
        assertThat(json(server.get("/api/v1/images/test%2Fw:1.0/efficiency?limit=0")).at("/efficiency/topWasted"))
                .isEmpty();

        assertError(server.get("/api/v1/images/sha256:" + "0".repeat(64) + "/efficiency"), 404, "not_found");
        assertError(server.get("/api/v1/images/" + w + "/efficiency?limit=-1"), 400, "bad_request");
    }

    @Test
    void dedupFindsTheSharedBaseLayer() throws Exception {
        JsonNode r = json(server.get("/api/v1/dedup"));
        assertThat(r.at("/totals/images").asInt()).isEqualTo(2);
        assertThat(r.at("/totals/layers").asInt()).isEqualTo(4); // base shared, app-a, two of w
        JsonNode shared = r.at("/layers/0");
        assertThat(shared.get("uses").asInt()).isEqualTo(2);
        assertThat(shared.get("savedBytes").asLong()).isEqualTo(shared.get("size").asLong()).isPositive();
        assertThat(r.at("/totals/savedBytes").asLong()).isEqualTo(shared.get("savedBytes").asLong());
        assertError(server.get("/api/v1/dedup?limit=x"), 400, "bad_request");
    }

    @Test
    void diffComparesLayersFilesAndPackages() throws Exception {
        JsonNode r = json(server.get("/api/v1/diff?from=" + a + "&to=" + w));
        assertThat(r.at("/from/digest").asText()).isEqualTo(a);
        assertThat(r.at("/to/digest").asText()).isEqualTo(w);
        assertThat(r.at("/layers/sharedPrefix").asInt()).isEqualTo(1);
        assertThat(r.at("/layers/onlyFrom")).hasSize(1);
        assertThat(r.at("/layers/onlyTo")).hasSize(2);
        assertThat(r.at("/files/added").asInt()).as(r.get("files").toString()).isEqualTo(2); // /srv and its file
        assertThat(r.at("/files/addedBytes").asLong()).isEqualTo("small\n".length());
        assertThat(r.at("/files/addedPaths/1/path").asText()).isEqualTo("/srv/big.txt");
        assertThat(r.at("/files/removed").asInt()).isEqualTo(2);
        assertThat(r.at("/files/removedPaths/1/path").asText()).isEqualTo("/app/a.txt");
        assertThat(r.at("/packages/added")).isEmpty();
        assertThat(r.has("vulnerabilities")).isFalse(); // no database on this server

        assertError(server.get("/api/v1/diff?from=" + a), 400, "bad_request");
        assertError(server.get("/api/v1/diff?from=" + a + "&to=nosuchimage"), 404, "not_found");
    }

    @Test
    void efficiencyAndDedupShowTheBaseTheManifestAnnotationsDeclare() throws Exception {
        ImageFixtures.image().layer(TestImages.baseLayer(), Compression.GZIP)
                .annotation("org.opencontainers.image.base.name", "registry.example/base:1")
                .annotation("org.opencontainers.image.base.digest", a)
                .writeOciLayout(tmp.resolve("annotated"));
        JsonNode done = server.await(server.scan("oci:" + tmp.resolve("annotated")).get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        String annotated = done.get("digest").asText();

        JsonNode r = json(server.get("/api/v1/images/" + annotated + "/efficiency"));
        assertThat(r.at("/declaredBase/name").asText()).isEqualTo("registry.example/base:1");
        assertThat(r.at("/declaredBase/digest").asText()).isEqualTo(a);
        assertThat(r.at("/declaredBase/source").asText()).isEqualTo("manifest-annotations");
        assertThat(json(server.get("/api/v1/images/" + w + "/efficiency")).has("declaredBase")).isFalse();
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(server.get("/api/v1/openapi.yaml").bodyAsString());
        var schema = OpenApiRoutesTest.closedSchema(doc.at("/components/schemas/DeclaredBase"));
        assertThat(schema.validate(r.get("declaredBase"))).as(r.get("declaredBase").toString()).isEmpty();

        JsonNode declared = null;
        for (JsonNode b : json(server.get("/api/v1/dedup")).get("bases")) {
            if (b.at("/image/digest").asText().equals(annotated)) {
                declared = b.get("declaredBase");
            }
        }
        assertThat(declared).isNotNull();
        assertThat(declared.get("source").asText()).isEqualTo("manifest-annotations");
        assertThat(declared.get("digest").asText()).isEqualTo(a);
    }
}
