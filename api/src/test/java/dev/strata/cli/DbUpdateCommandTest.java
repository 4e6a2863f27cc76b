package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata db update} against a Vert.x HTTP server started here that serves the demo advisories as an osv.dev
 * style zip and a tracker JSON, with ETag / Last-Modified validators and 304 answers. Nothing leaves loopback.
 */
class DbUpdateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ADVISORIES = ScanVulnerabilitiesTest.ADVISORIES;

    /** One served file: body and validators (either may be null). */
    record Served(byte[] body, String etag, String lastModified) {
    }

    /** One request the server saw: path and its conditional headers. */
    record Seen(String path, String ifNoneMatch, String ifModifiedSince, int status) {
    }

    @TempDir
    Path tmp;
    private Vertx vertx;
    private HttpServer server;
    private final Map<String, Served> files = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(req -> {
            Served f = files.get(req.path());
            String inm = req.getHeader("If-None-Match");
            String ims = req.getHeader("If-Modified-Since");
            int status;
            if (f == null) {
                status = 404;
                req.response().setStatusCode(404).end();
            } else if ((f.etag() != null && f.etag().equals(inm))
                    || (f.etag() == null && f.lastModified() != null && f.lastModified().equals(ims))) {
                status = 304;
                req.response().setStatusCode(304).end();
            } else {
                status = 200;
                if (f.etag() != null) {
                    req.response().putHeader("ETag", f.etag());
                }
                if (f.lastModified() != null) {
                    req.response().putHeader("Last-Modified", f.lastModified());
                }
                req.response().end(Buffer.buffer(f.body()));
            }
            seen.add(new Seen(req.path(), inm, ims, status));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
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

    private Path config() throws Exception {
        return Files.writeString(tmp.resolve("feeds.json"), "{\"sources\": ["
                + "{\"name\": \"osv-Maven\", \"url\": \"" + url("/Maven/all.zip") + "\"},"
                + "{\"name\": \"osv-npm\", \"url\": \"" + url("/npm/all.zip") + "\"},"
                + "{\"name\": \"debian-tracker\", \"url\": \"" + url("/tracker/data/json") + "\"}]}");
    }

    private CliRun update() throws Exception {
        return CliRun.run("db", "update", "--data", tmp.resolve("data").toString(), "--config", config().toString());
    }

    private JsonNode status() throws Exception {
        CliRun run = CliRun.run("db", "status", "--data", tmp.resolve("data").toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void downloadsOnceThenAsksConditionallyAndImportsOnlyWhatChanged() throws Exception {
        files.put("/Maven/all.zip", new Served(zip("GHSA-jfh8-c2jp-5v3q.json", "GHSA-7rjr-3q55-vv33.json"), "\"m1\"", null));
        files.put("/npm/all.zip", new Served(zip("GHSA-p6mc-m468-83gw.json"), null, "Wed, 21 Oct 2026 07:28:00 GMT"));
        files.put("/tracker/data/json", new Served(Files.readAllBytes(ADVISORIES.resolve("debian/tracker-bookworm-demo.json")),
                "\"t1\"", "Wed, 21 Oct 2026 07:28:00 GMT"));

        CliRun first = update();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("strata: osv-Maven: downloaded ", "strata: debian-tracker: downloaded ");
        assertThat(seen).extracting(Seen::path, Seen::ifNoneMatch, Seen::ifModifiedSince, Seen::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/Maven/all.zip", null, null, 200),
                org.assertj.core.groups.Tuple.tuple("/npm/all.zip", null, null, 200),
                org.assertj.core.groups.Tuple.tuple("/tracker/data/json", null, null, 200));
        JsonNode status = status();
        assertThat(status.get("generation").asText()).isEqualTo("gen-1");
        assertThat(status.at("/sources/1/recordsByEcosystem").toString()).isEqualTo("{\"Maven\":2,\"npm\":2}");
        assertThat(status.at("/sources/0/recordsByEcosystem").toString()).isEqualTo("{\"Debian:12\":5}");
        assertThat(tmp.resolve("data/vulndb/downloads")).isEmptyDirectory();

        seen.clear();
        CliRun second = update();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo("Up to date: all 3 feeds unchanged since the last update." + System.lineSeparator());
        assertThat(seen).extracting(Seen::path, Seen::ifNoneMatch, Seen::ifModifiedSince, Seen::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/Maven/all.zip", "\"m1\"", null, 304),
                org.assertj.core.groups.Tuple.tuple("/npm/all.zip", null, "Wed, 21 Oct 2026 07:28:00 GMT", 304),
                org.assertj.core.groups.Tuple.tuple("/tracker/data/json", "\"t1\"", "Wed, 21 Oct 2026 07:28:00 GMT", 304));
        assertThat(status().get("generation").asText()).isEqualTo("gen-1");

        // one feed changes upstream: only it is downloaded and imported
        files.put("/Maven/all.zip", new Served(zip("GHSA-jfh8-c2jp-5v3q.json", "GHSA-7rjr-3q55-vv33.json",
                "GHSA-p6xc-xr62-6r2g.json"), "\"m2\"", null));
        seen.clear();
        CliRun third = update();
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(seen).extracting(Seen::status).containsExactly(200, 304, 304);
        JsonNode after = status();
        assertThat(after.get("generation").asText()).isEqualTo("gen-2");
        assertThat(after.at("/sources/1/recordsByEcosystem").toString()).isEqualTo("{\"Maven\":3,\"npm\":2}");
        assertThat(after.at("/sources/0/lastUpdate")).isEqualTo(status.at("/sources/0/lastUpdate"));
    }

    @Test
    void aTruncatedDownloadFailsTheUpdateAndKeepsTheOldDatabase() throws Exception {
        byte[] whole = zip("GHSA-jfh8-c2jp-5v3q.json", "GHSA-7rjr-3q55-vv33.json");
        files.put("/Maven/all.zip", new Served(whole, "\"m1\"", null));
        files.put("/npm/all.zip", new Served(zip("GHSA-p6mc-m468-83gw.json"), "\"n1\"", null));
        files.put("/tracker/data/json", new Served(Files.readAllBytes(ADVISORIES.resolve("debian/tracker-bookworm-demo.json")), "\"t1\"", null));
        assertThat(update().exitCode()).isZero();

        files.put("/Maven/all.zip", new Served(Arrays.copyOf(whole, whole.length / 2), "\"m2\"", null));
        byte[] tracker = Files.readAllBytes(ADVISORIES.resolve("debian/tracker-bookworm-demo.json"));
        files.put("/tracker/data/json", new Served(Arrays.copyOf(tracker, tracker.length - 40), "\"t2\"", null));
        CliRun cut = update();
        assertThat(cut.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(cut.err().lines().filter(l -> l.startsWith("strata: error:")).toList()).containsExactly(
                "strata: error: download of osv-Maven from " + url("/Maven/all.zip") + " is corrupt or truncated "
                        + "(zip END header not found)");
        assertThat(status().get("generation").asText()).isEqualTo("gen-1");
        assertThat(tmp.resolve("data/vulndb/downloads")).isEmptyDirectory();

        // the failed copy was not remembered: the next update asks unconditionally again and gets the tracker cut
        files.put("/Maven/all.zip", new Served(whole, "\"m1\"", null));
        seen.clear();
        CliRun tracker2 = update();
        assertThat(tracker2.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(tracker2.err()).contains("strata: error: download of debian-tracker from " + url("/tracker/data/json")
                + " is corrupt or truncated (Unexpected end-of-input");
        assertThat(seen).extracting(Seen::ifNoneMatch).containsExactly("\"m1\"", "\"n1\"", "\"t1\"");
        assertThat(status().get("generation").asText()).isEqualTo("gen-1");

        files.remove("/npm/all.zip");
        CliRun missing = update();
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).contains("strata: error: downloading osv-npm from " + url("/npm/all.zip") + ": HTTP 404 Not Found");
    }
}
