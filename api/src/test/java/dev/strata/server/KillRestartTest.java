package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.scanner.testing.ImageFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A server killed with {@code kill -9} in the middle of a scan, restarted on the same data directory. */
class KillRestartTest {
    @TempDir
    Path tmp;

    @Test
    void aScanInterruptedByKill9IsRequeuedAndFinishesWithAConsistentIndex() throws Exception {
        byte[][] layers = new byte[6][];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = TestImages.bigLayer(10, 100 + i);
        }
        ImageFixtures.Image img = TestImages.dockerArchive(tmp.resolve("big.tar"), "big", layers);
        layers = null;
        Path config = tmp.resolve("strata.yaml");
        Files.writeString(config, "allowLocalPaths: true\nscans: {concurrency: 1, maxAttempts: 3}\n");
        Path data = tmp.resolve("data");
        Path stderr = tmp.resolve("serve.err");
        String id;
        int layersBeforeKill;
        try (ChildServer first = ChildServer.start(data, config, stderr)) {
            id = first.post("/api/v1/scans", "{\"image\": \"docker-archive:" + tmp.resolve("big.tar") + "\"}")
                    .get("id").asText();
            JsonNode job = first.get("/api/v1/scans/" + id);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // kill once some layers are in the index and others are not
            while (job.at("/progress/layersDone").asInt() < 3) {
                assertThat(job.get("status").asText()).as("the scan ended before it could be killed")
                        .isIn("queued", "running");
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(5);
                job = first.get("/api/v1/scans/" + id);
            }
            layersBeforeKill = job.at("/progress/layersDone").asInt();
            first.kill();
        }
        assertThat(layersBeforeKill).as("killed mid-scan").isBetween(3, 7);
        JsonNode onDisk = TestServer.JSON.readTree(data.resolve("jobs/" + id + ".json").toFile());
        assertThat(onDisk.get("status").asText()).isEqualTo("running");
        assertThat(onDisk.get("attempts").asInt()).isEqualTo(1);

        try (ChildServer second = ChildServer.start(data, config, stderr)) {
            JsonNode job = second.get("/api/v1/scans/" + id);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!job.get("status").asText().equals("done")) {
                assertThat(job.get("status").asText()).as(job.toString()).isIn("queued", "running");
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
                job = second.get("/api/v1/scans/" + id);
            }
            assertThat(job.get("attempts").asInt()).isEqualTo(2);
            JsonNode report = second.get("/api/v1/scans/" + id + "/report");
            assertThat(report.at("/image/configDigest").asText()).isEqualTo(img.configDigest().toString());
            assertThat(report.get("layers")).hasSize(8);
            for (int i = 0; i < 8; i++) {
                assertThat(report.at("/layers/" + i + "/diffId").asText()).isEqualTo(img.diffIds().get(i).toString());
            }
            assertThat(report.at("/stats/layersRead").asInt() + report.at("/stats/layersReused").asInt()).isEqualTo(8);
            // the layers the killed process had committed are reused, not read again
            assertThat(report.at("/stats/layersReused").asInt()).isGreaterThanOrEqualTo(layersBeforeKill);
            for (int i = 2; i < 8; i++) {
                assertThat(report.at("/layers/" + i + "/fileCount").asInt()).isEqualTo(1);
            }
            JsonNode images = second.get("/api/v1/images");
            assertThat(images.get("images")).hasSize(1);
            // every file of every layer is findable: the layers the killed process committed are whole
            JsonNode files = second.get("/api/v1/search?q=path:/data/*&limit=100");
            assertThat(files.get("results")).hasSize(6);
        }
        assertThat(Files.readString(stderr)).doesNotContain("Exception");
    }

    @Test
    void jobsAndReportsSurviveARestartAndJobsInterruptedTooOftenFail() throws Exception {
        TestImages.dockerArchive(tmp.resolve("a.tar"), "a");
        String done;
        try (TestServer server = TestServer.startOpenWithLocalPaths(tmp)) {
            done = server.await(server.scan("docker-archive:" + tmp.resolve("a.tar")).get("id").asText())
                    .get("id").asText();
        }
        Path jobs = tmp.resolve("data/jobs");
        String interrupted = "0f0f0f0f-0000-4000-8000-000000000001";
        Files.writeString(jobs.resolve(interrupted + ".json"), "{\"id\":\"" + interrupted + "\",\"image\":\"docker-archive:"
                + tmp.resolve("a.tar") + "\",\"platform\":\"linux/amd64\",\"upload\":false,\"status\":\"running\","
                + "\"attempts\":3,\"progress\":{\"layersDone\":1,\"layersTotal\":2,\"bytesDone\":1,\"bytesTotal\":2},"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"startedAt\":\"2026-01-01T00:00:01Z\"}");
        Files.writeString(jobs.resolve("0f0f0f0f-0000-4000-8000-000000000002.json"), "{\"id\": \"cut"); // torn write
        try (TestServer server = TestServer.start(tmp, "allowLocalPaths: true\nscans: {maxAttempts: 3}\n")) {
            JsonNode before = TestServer.json(server.get("/api/v1/scans/" + done));
            assertThat(before.get("status").asText()).isEqualTo("done");
            JsonNode report = TestServer.json(server.get("/api/v1/scans/" + done + "/report"));
            assertThat(report.get("layers")).hasSize(2);
            JsonNode failed = TestServer.json(server.get("/api/v1/scans/" + interrupted));
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.at("/error/code").asText()).isEqualTo("interrupted");
            assertThat(failed.at("/error/message").asText()).contains("3 time(s)");
        }
    }

    @Test
    void aScanCutShortByAGracefulStopIsRequeuedNotFailed() throws Exception {
        TestImages.dockerArchive(tmp.resolve("big.tar"), "big", TestImages.bigLayer(8, 1), TestImages.bigLayer(8, 2),
                TestImages.bigLayer(8, 3));
        String id;
        try (TestServer server = TestServer.startOpenWithLocalPaths(tmp)) {
            id = server.scan("docker-archive:" + tmp.resolve("big.tar")).get("id").asText();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!TestServer.json(server.get("/api/v1/scans/" + id)).get("status").asText().equals("running")) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(5);
            }
        }
        JsonNode onDisk = TestServer.JSON.readTree(tmp.resolve("data/jobs/" + id + ".json").toFile());
        assertThat(onDisk.get("status").asText()).as("a stop must not fail the job").isIn("running", "done");
        try (TestServer server = TestServer.startOpenWithLocalPaths(tmp)) {
            JsonNode job = server.await(id);
            assertThat(job.get("status").asText()).isEqualTo("done");
            assertThat(job.get("attempts").asInt()).isEqualTo(onDisk.get("status").asText().equals("done") ? 1 : 2);
        }
    }
}
