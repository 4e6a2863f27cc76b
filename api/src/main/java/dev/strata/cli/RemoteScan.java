package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.source.SourceReference;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code strata scan --server URL}: has the service scan the image and returns its JSON report, which the
 * CLI then prints exactly as a local scan's. An image archive on this machine (a bare path, or
 * {@code docker-archive:}/{@code oci-archive:} with a path only) is uploaded; anything else is sent as a
 * reference for the server to resolve.
 */
final class RemoteScan {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RemoteScan(String url, String token) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new IllegalArgumentException("--server must be an http:// or https:// URL, not '" + url + "'");
        }
        this.base = URI.create(u);
        this.token = token;
    }

    static ScanReport scan(RemoteOptions options, String image, String platform) throws IOException {
        return new RemoteScan(options.url, options.token()).scan(image, platform);
    }

    ScanReport scan(String image, String platform) throws IOException {
        Path archive = localArchive(image);
        JsonNode job;
        if (archive != null) {
            job = send(request("/api/v1/images?platform=" + URLEncoder.encode(platform, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/x-tar").POST(HttpRequest.BodyPublishers.ofFile(archive)));
        } else {
            String body = JSON.createObjectNode().put("image", image).put("platform", platform).toString();
            job = send(request("/api/v1/scans").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }
        String id = job.get("id").asText();
        while (!job.get("status").asText().equals("done")) {
            if (job.get("status").asText().equals("failed")) {
                throw new IOException(job.at("/error/message").asText("the server could not scan " + image));
            }
            sleep();
            job = send(request("/api/v1/scans/" + id).GET());
        }
        ScanReport report = ReportJson.read(text(request("/api/v1/scans/" + id + "/report?format=json").GET()));
        return archive == null ? report : report.withReferenceAndStats(SourceReference.parse(image).toString(),
                report.stats());
    }

    /** The archive file to upload when {@code image} names one on this machine, else null. */
    static Path localArchive(String image) {
        String path = image;
        for (String transport : new String[] {"docker-archive:", "oci-archive:"}) {
            if (image.startsWith(transport)) {
                path = image.substring(transport.length());
                if (path.contains(":")) {
                    return null; // picks one image of the archive: let the server resolve it
                }
            }
        }
        if (image.startsWith("oci:")) {
            return null;
        }
        Path p = Path.of(path);
        return Files.isRegularFile(p) ? p : null;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        return JSON.readTree(text(request));
    }

    private String text(HttpRequest.Builder request) throws IOException {
        HttpRequest r = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("cannot reach the Strata server at " + base + " (connection refused)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + base);
        }
        if (response.statusCode() >= 400) {
            String message = "HTTP " + response.statusCode();
            try {
                JsonNode error = JSON.readTree(response.body()).path("error");
                if (error.has("message")) {
                    message = error.get("message").asText() + " (" + response.statusCode() + " "
                            + error.path("code").asText() + ")";
                }
            } catch (IOException notJson) {
                // keep the status line
            }
            throw new IOException("server " + base + ": " + message);
        }
        return response.body();
    }

    private static void sleep() throws InterruptedIOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }
}
