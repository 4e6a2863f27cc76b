package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.strata.server.TestServer.assertError;
import static dev.strata.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

class UploadEventsMetricsTest {
    @TempDir
    Path tmp;

    private static long filesIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void anUploadedArchiveIsScannedAndThenRemoved() throws Exception {
        var img = TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        try (TestServer server = TestServer.start(tmp, "{}\n")) {
            var r = server.send(HttpMethod.POST, "/api/v1/images", Buffer.buffer(Files.readAllBytes(tmp.resolve("a.tar"))));
            assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
            assertThat(json(r).get("image").asText()).isEqualTo("upload");
            JsonNode job = server.await(json(r).get("id").asText());
            assertThat(job.get("status").asText()).isEqualTo("done");
            JsonNode report = json(server.get("/api/v1/scans/" + job.get("id").asText() + "/report"));
            assertThat(report.at("/image/configDigest").asText()).isEqualTo(img.configDigest().toString());
            assertThat(filesIn(server.data.resolve("uploads"))).isZero();
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        try (TestServer server = TestServer.start(tmp, "limits: {maxUploadBytes: 2048}\n")) {
            byte[] tar = Files.readAllBytes(tmp.resolve("a.tar"));
            assertThat(tar.length).isGreaterThan(2048);
            assertError(server.send(HttpMethod.POST, "/api/v1/images", Buffer.buffer(tar)), 413, "upload_too_large");
            assertError(server.send(HttpMethod.POST, "/api/v1/images", Buffer.buffer()), 400, "bad_request");
            assertThat(filesIn(server.data.resolve("uploads"))).isZero();
            assertThat(json(server.get("/api/v1/images")).get("images")).isEmpty();
        }
    }

    @Test
    void eventsStreamProgressUntilTheScanIsDone() throws Exception {
        TestImages.dockerArchive(tmp.resolve("big.tar"), "big", TestImages.bigLayer(16, 1), TestImages.bigLayer(16, 2));
        try (TestServer server = TestServer.startOpenWithLocalPaths(tmp)) {
            String id = server.scan("docker-archive:" + tmp.resolve("big.tar")).get("id").asText();
            var r = server.get("/api/v1/scans/" + id + "/events");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.getHeader("Content-Type")).isEqualTo("text/event-stream");
            List<String> events = new ArrayList<>();
            List<JsonNode> data = new ArrayList<>();
            for (String block : r.bodyAsString().split("\n\n")) {
                if (block.startsWith(":")) {
                    continue; // keep-alive comment
                }
                String[] lines = block.split("\n");
                events.add(lines[0].substring("event: ".length()));
                data.add(TestServer.JSON.readTree(lines[1].substring("data: ".length())));
            }
            assertThat(events.get(events.size() - 1)).isEqualTo("done");
            assertThat(events.subList(0, events.size() - 1)).containsOnly("progress");
            int previous = -1;
            for (JsonNode d : data) {
                int done = d.at("/progress/layersDone").asInt();
                assertThat(done).isGreaterThanOrEqualTo(previous);
                previous = done;
            }
            assertThat(previous).as(r.bodyAsString()).isEqualTo(4);
            // a finished job's stream is its final state and ends at once
            assertThat(server.get("/api/v1/scans/" + id + "/events").bodyAsString()).startsWith("event: done\n");
        }
    }

    @Test
    void metricsCountScansLayersAndRequests() throws Exception {
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        try (TestServer server = TestServer.startOpenWithLocalPaths(tmp)) {
            String ref = "docker-archive:" + tmp.resolve("a.tar");
            server.await(server.scan(ref).get("id").asText());
            server.scan(ref); // answered from the index
            java.nio.file.Files.writeString(tmp.resolve("junk.tar"), "junk");
            server.await(server.scan("docker-archive:" + tmp.resolve("junk.tar")).get("id").asText());
            String metrics = server.get("/metrics").bodyAsString();
            assertThat(metrics).contains("strata_scans_total{status=\"done\"} 2.0")
                    .contains("strata_scans_total{status=\"failed\"} 1.0")
                    .contains("strata_layers_total{source=\"read\"} 2.0")
                    .contains("strata_layers_total{source=\"cache\"} 2.0")
                    .containsPattern("strata_layer_bytes_read_bytes_total [1-9]")
                    .containsPattern("vertx_http_server_response_time_seconds_count\\{[^}]*route=\"/api/v1/scans/:id\"");
        }
    }
}
