package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.scanner.testing.ImageFixtures;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.strata.server.TestServer.assertError;
import static dev.strata.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

class ScanApiTest {
    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.startOpenWithLocalPaths(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void healthAnswersWithoutAnything() throws Exception {
        HttpResponse<Buffer> r = server.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void scanRunsToDoneAndServesTheReportInEveryFormat() throws Exception {
        ImageFixtures.Image img = TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        JsonNode job = server.scan("docker-archive:" + tmp.resolve("a.tar"));
        String id = job.get("id").asText();
        assertThat(job.get("status").asText()).isIn("queued", "running");
        assertThat(job.at("/links/self").asText()).isEqualTo("/api/v1/scans/" + id);

        JsonNode done = server.await(id);
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("digest").asText()).startsWith("sha256:");
        assertThat(done.at("/progress/layersDone").asInt()).isEqualTo(2);
        assertThat(done.at("/progress/layersTotal").asInt()).isEqualTo(2);
        JsonNode report = json(server.get("/api/v1/scans/" + id + "/report"));
        assertThat(done.at("/progress/bytesDone").asLong()).isEqualTo(done.at("/progress/bytesTotal").asLong())
                .isEqualTo(report.at("/image/size").asLong()).isPositive();
        assertThat(report.at("/image/digest").asText()).isEqualTo(done.get("digest").asText());
        assertThat(report.at("/image/configDigest").asText()).isEqualTo(img.configDigest().toString());
        assertThat(report.get("layers")).hasSize(2);
        assertThat(report.get("packages")).extracting(p -> p.get("name").asText()).containsExactlyInAnyOrder("musl", "zlib");

        HttpResponse<Buffer> cdx = server.get("/api/v1/scans/" + id + "/report?format=cyclonedx");
        assertThat(cdx.getHeader("Content-Type")).isEqualTo("application/vnd.cyclonedx+json");
        assertThat(json(cdx).get("bomFormat").asText()).isEqualTo("CycloneDX");
        HttpResponse<Buffer> spdx = server.get("/api/v1/scans/" + id + "/report?format=spdx");
        assertThat(json(spdx).get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertError(server.get("/api/v1/scans/" + id + "/report?format=pdf"), 400, "bad_request");
        assertError(server.get("/api/v1/scans/" + id + "/report?format=sarif"), 400, "format_unavailable");
    }

    @Test
    void anImageScannedBeforeIsAnsweredAtOnceWithoutReadingALayer() throws Exception {
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        String ref = "docker-archive:" + tmp.resolve("a.tar");
        server.await(server.scan(ref).get("id").asText());

        JsonNode again = server.scan(ref);
        assertThat(again.get("status").asText()).isEqualTo("done");
        JsonNode report = json(server.get("/api/v1/scans/" + again.get("id").asText() + "/report"));
        assertThat(report.at("/stats/layersRead").asInt()).isZero();
        assertThat(report.at("/stats/layersReused").asInt()).isEqualTo(2);
    }

    @Test
    void aBrokenImageFailsTheJobWithItsReason() throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("junk.tar"), "not a tar at all");
        JsonNode job = server.await(server.scan("docker-archive:" + tmp.resolve("junk.tar")).get("id").asText());
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.at("/error/code").asText()).isEqualTo("bad_image");
        assertThat(job.at("/error/message").asText()).isNotBlank();
        assertError(server.get("/api/v1/scans/" + job.get("id").asText() + "/report"), 409, "not_done");
    }

    @Test
    void badRequestsGetJsonErrors() throws Exception {
        assertError(server.get("/api/v1/scans/no-such-job-id"), 404, "not_found");
        assertError(server.get("/api/v1/nothing-here"), 404, "not_found");
        assertError(server.post("/api/v1/scans", "{not json"), 400, "bad_request");
        assertError(server.post("/api/v1/scans", "{\"img\": \"x\"}"), 400, "bad_request");
        assertError(server.post("/api/v1/scans", "{\"image\": \"a.tar\", \"platform\": \"not/a/plat/form\"}"),
                400, "bad_request");
        assertError(server.post("/api/v1/scans", "{\"image\": \"" + "x".repeat(70_000) + "\"}"), 413,
                "body_too_large");
        assertError(server.send(HttpMethod.PUT, "/api/v1/scans", Buffer.buffer("{}")), 405, "method_not_allowed");
    }

    @Test
    void imagesAreListedInspectedAndRemoved() throws Exception {
        ImageFixtures.Image img = TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        server.await(server.scan("docker-archive:" + tmp.resolve("a.tar")).get("id").asText());
        String digest = json(server.get("/api/v1/images")).at("/images/0/digest").asText();

        JsonNode list = json(server.get("/api/v1/images"));
        assertThat(list.get("images")).hasSize(1);
        assertThat(list.at("/images/0/configDigest").asText()).isEqualTo(img.configDigest().toString());
        JsonNode inspect = json(server.get("/api/v1/images/" + digest));
        assertThat(inspect.get("repoTags").get(0).asText()).isEqualTo("test/a:1.0");
        assertThat(inspect.at("/image/configDigest").asText()).isEqualTo(img.configDigest().toString());
        assertThat(json(server.get("/api/v1/images/" + digest.substring(7, 19)))
                .get("digest").asText()).isEqualTo(digest);
        assertThat(json(server.get("/api/v1/images/" + digest + "/layers"))).hasSize(2);
        assertThat(json(server.get("/api/v1/images/" + digest + "/history")).isArray()).isTrue();

        HttpResponse<Buffer> removed = server.send(HttpMethod.DELETE, "/api/v1/images/" + digest, null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(json(removed).get("removedLayers")).hasSize(2);
        assertError(server.get("/api/v1/images/" + digest), 404, "not_found");
        assertThat(json(server.get("/api/v1/images")).get("images")).isEmpty();
    }

    @Test
    void searchPagesThroughResults() throws Exception {
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        TestImages.dockerArchive(tmp.resolve("b.tar"), "b");
        server.await(server.scan("docker-archive:" + tmp.resolve("a.tar")).get("id").asText());
        server.await(server.scan("docker-archive:" + tmp.resolve("b.tar")).get("id").asText());

        JsonNode first = json(server.get("/api/v1/search?q=path:/app/*&limit=1"));
        assertThat(first.get("results")).hasSize(1);
        assertThat(first.get("next").asText()).contains("offset=1");
        JsonNode second = json(server.get(first.get("next").asText()));
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(first.at("/results/0/path").asText()).isNotEqualTo(second.at("/results/0/path").asText());

        JsonNode musl = json(server.get("/api/v1/search?q=name:musl"));
        assertThat(musl.get("results")).hasSize(2);
        assertError(server.get("/api/v1/search?q=colour:red"), 400, "bad_request");
        assertError(server.get("/api/v1/search"), 400, "bad_request");
        assertError(server.get("/api/v1/search?q=name:musl&limit=0"), 400, "bad_request");
    }
}
