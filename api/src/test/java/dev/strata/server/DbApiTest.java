package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.strata.server.TestServer.assertError;
import static dev.strata.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/db} and {@code POST /api/v1/db/update} against a feed server started here (Vert.x, loopback)
 * serving the demo advisories as an osv.dev-style zip with an ETag; the updated database is what scans then match.
 */
class DbApiTest {
    private static final Path ADVISORIES = ScanVulnerabilitiesApiTest.ADVISORIES;
    private static final String TOKEN = "db-api-scan-token-0123";
    private static final String READ_TOKEN = "db-api-read-token-0123";

    @TempDir
    Path tmp;
    private Vertx feedVertx;
    private HttpServer feeds;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        feedVertx = Vertx.vertx();
        feeds = feedVertx.createHttpServer().requestHandler(req -> {
            byte[] body = files.get(req.path());
            String etag = body == null ? null : "\"" + java.util.Arrays.hashCode(body) + "\"";
            if (body == null) {
                req.response().setStatusCode(404).end();
            } else if (etag.equals(req.getHeader("If-None-Match"))) {
                req.response().setStatusCode(304).end();
            } else {
                downloads.incrementAndGet();
                req.response().putHeader("ETag", etag).end(Buffer.buffer(body));
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server = TestServer.start(tmp, "allowLocalPaths: true\nauth:\n  tokens:\n"
                + "    - {name: ci, token: " + TOKEN + ", role: scan}\n"
                + "    - {name: dash, token: " + READ_TOKEN + ", role: read}\n");
        server.token = TOKEN;
        Files.writeString(server.data.resolve("vulndb-sources.json"), "{\"sources\": ["
                + "{\"name\": \"osv-test\", \"url\": \"http://127.0.0.1:" + feeds.actualPort() + "/osv/all.zip\"}]}");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        feedVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static byte[] zip(String... osvFiles) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String f : osvFiles) {
                zip.putNextEntry(new ZipEntry(f));
                zip.write(Files.readAllBytes(ADVISORIES.resolve("osv").resolve(f)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Starts an update (asserting 202) and polls {@code GET /api/v1/db}'s or the 404's state until it ended. */
    private JsonNode update() throws Exception {
        var started = server.post("/api/v1/db/update", "");
        assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(202);
        assertThat(json(started).at("/update/state").asText()).isEqualTo("running");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var r = server.get("/api/v1/db");
            if (r.statusCode() == 200 && !json(r).at("/update/state").asText().equals("running")) {
                return json(r);
            }
            if (r.statusCode() == 404 && !json(r).at("/error/message").asText().contains("update is running")) {
                return json(r);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("update did not finish in 60 s");
    }

    private static List<String> ids(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("vulnerabilities").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }

    @Test
    void updateDownloadsTheConfiguredFeedOnAWorkerAndScansMatchTheNewGeneration() throws Exception {
        assertError(server.get("/api/v1/db"), 404, "no_database");

        // a feed that is not there: the update fails with the reason, nothing becomes live
        JsonNode failed = update();
        assertThat(failed.at("/error/code").asText()).isEqualTo("no_database");
        assertThat(failed.at("/error/message").asText()).contains("the last update failed").contains("404");

        files.put("/osv/all.zip", zip("GHSA-jfh8-c2jp-5v3q.json", "GHSA-xvch-5gv4-984h.json"));
        JsonNode status = update();
        assertThat(status.get("generation").asText()).isEqualTo("gen-1");
        assertThat(status.at("/update/state").asText()).isEqualTo("done");
        assertThat(status.at("/update/downloaded").toString()).isEqualTo("[\"osv-test\"]");
        assertThat(status.at("/update/generation").asText()).isEqualTo("gen-1");
        assertThat(status.at("/sources/0/recordsByEcosystem").toString()).isEqualTo("{\"Maven\":1,\"npm\":1}");
        assertThat(downloads.get()).isEqualTo(1);

        JsonNode job = server.await(server.scan("docker-archive:" + ScanVulnerabilitiesApiTest.DEMO.toAbsolutePath())
                .get("id").asText());
        JsonNode report = json(server.get("/api/v1/scans/" + job.get("id").asText() + "/report"));
        assertThat(report.at("/vulnerabilityDb/generation").asText()).isEqualTo("gen-1");
        assertThat(ids(report)).containsExactly("GHSA-jfh8-c2jp-5v3q", "GHSA-xvch-5gv4-984h");

        // unchanged feed: a conditional request, 304, nothing imported
        JsonNode again = update();
        assertThat(again.at("/update/notModified").toString()).isEqualTo("[\"osv-test\"]");
        assertThat(again.at("/update/downloaded")).isEmpty();
        assertThat(again.at("/update").has("generation")).isFalse();
        assertThat(again.get("generation").asText()).isEqualTo("gen-1");
        assertThat(downloads.get()).isEqualTo(1);

        // the shape is the document's
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(server.get("/api/v1/openapi.yaml").bodyAsString());
        JsonNode schema = resolved(doc, doc.at("/components/schemas/DatabaseStatus"));
        close(schema);
        var validator = com.networknt.schema.JsonSchemaFactory.getInstance(
                com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(schema);
        assertThat(validator.validate(again)).as(again.toString()).isEmpty();
        ((ObjectNode) again.get("update")).put("surprise", 1);
        assertThat(validator.validate(again)).isNotEmpty();
    }

    @Test
    void onlyTheScanRoleStartsAnUpdate() throws Exception {
        server.token = READ_TOKEN;
        assertError(server.post("/api/v1/db/update", ""), 403, "forbidden");
        assertError(server.get("/api/v1/db"), 404, "no_database");
        server.token = null;
        assertError(server.post("/api/v1/db/update", ""), 401, "unauthorized");
        assertThat(downloads.get()).isZero();
    }

    /** The schema with every {@code #/components/schemas/…} reference replaced by its target. */
    private static JsonNode resolved(JsonNode doc, JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        if (copy.isObject() && copy.has("$ref")) {
            return resolved(doc, doc.at(copy.get("$ref").asText().substring(1)));
        }
        if (copy.isObject()) {
            ObjectNode o = (ObjectNode) copy;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                o.set(n, resolved(doc, o.get(n)));
            }
        } else if (copy.isArray()) {
            for (int i = 0; i < copy.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, resolved(doc, copy.get(i)));
            }
        }
        return copy;
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.has("properties")) {
                o.put("additionalProperties", false);
            }
            o.remove("example");
            o.elements().forEachRemaining(DbApiTest::close);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(DbApiTest::close);
        }
    }
}
