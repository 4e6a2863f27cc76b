package dev.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code scans.keepFinished}: a long-running service keeps the newest finished jobs only, files and all. */
class JobRetentionTest {
    @TempDir
    Path tmp;

    private static List<String> jobFiles(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("jobs"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void onlyTheNewestFinishedJobsAreKept() throws Exception {
        List<String> ids = new ArrayList<>();
        try (TestServer server = TestServer.start(tmp, "allowLocalPaths: true\nscans: {keepFinished: 2}\n")) {
            for (String name : List.of("a", "b", "c")) {
                TestImages.dockerArchive(tmp.resolve(name + ".tar"), name);
                JsonNode job = server.await(server.scan("docker-archive:" + tmp.resolve(name + ".tar")).get("id").asText());
                assertThat(job.get("status").asText()).isEqualTo("done");
                ids.add(job.get("id").asText());
            }
            // pruning follows the job's last update, so the oldest job may still answer for a moment
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.get("/api/v1/scans/" + ids.get(0)).statusCode() != 404 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.get("/api/v1/scans/" + ids.get(0)).statusCode()).as("the oldest job is gone").isEqualTo(404);
            assertThat(server.get("/api/v1/scans/" + ids.get(0) + "/report").statusCode()).isEqualTo(404);
            for (String kept : ids.subList(1, 3)) {
                assertThat(server.get("/api/v1/scans/" + kept).statusCode()).isEqualTo(200);
                assertThat(server.get("/api/v1/scans/" + kept + "/report").statusCode()).isEqualTo(200);
            }
            assertThat(jobFiles(server.data)).containsExactlyInAnyOrder(ids.get(1) + ".json", ids.get(1) + ".report.json",
                    ids.get(2) + ".json", ids.get(2) + ".report.json");
            // the image of the deleted job stays indexed: retention is about jobs, not the index
            assertThat(TestServer.json(server.get("/api/v1/images")).get("images")).hasSize(3);
        }
        // a restart with a smaller limit prunes what it loads
        try (TestServer server = TestServer.start(tmp, "allowLocalPaths: true\nscans: {keepFinished: 1}\n")) {
            assertThat(server.get("/api/v1/scans/" + ids.get(1)).statusCode()).isEqualTo(404);
            assertThat(server.get("/api/v1/scans/" + ids.get(2)).statusCode()).isEqualTo(200);
            assertThat(jobFiles(server.data)).containsExactlyInAnyOrder(ids.get(2) + ".json", ids.get(2) + ".report.json");
        }
    }

    @Test
    void keepingNoJobIsRefused() throws Exception {
        Path config = Files.writeString(tmp.resolve("strata.yaml"), "scans: {keepFinished: 0}\n");
        assertThatThrownBy(() -> ServerConfig.load(config).validate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scans.keepFinished");
    }
}
