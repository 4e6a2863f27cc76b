package dev.strata.app.vulndb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strata.scanner.vuln.feeds.FeedFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a downloaded feed is whole before it is imported: a zip must have a readable central directory (a cut
 * download loses it), a JSON feed must parse to its end. Streams; constant memory.
 */
final class DownloadCheck {
    private static final JsonFactory JSON = new JsonFactory();

    private DownloadCheck() {
    }

    /** Returns the detected format, or throws naming the source when the file is corrupt, truncated or unknown. */
    static FeedFormat verify(FeedSource source, Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        FeedFormat format = FeedFormat.detect(head);
        try {
            switch (format) {
                case OSV_ZIP -> {
                    try (ZipFile zip = new ZipFile(file.toFile())) {
                        if (zip.size() == 0) {
                            throw new IOException("empty zip");
                        }
                    }
                }
                case DEBIAN_TRACKER, ALPINE_SECDB, OSV_RECORD -> {
                    try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
                        p.nextToken();
                        p.skipChildren();
                        if (p.nextToken() != null) {
                            throw new IOException("trailing data after the JSON document");
                        }
                    }
                }
                case UNKNOWN -> throw new IOException(head.length == 0 ? "empty response"
                        : "not an OSV zip, OSV record, Debian tracker JSON or Alpine secdb JSON");
            }
        } catch (ZipException | JsonProcessingException e) {
            throw new IOException("download of " + source.name() + " from " + source.url()
                    + " is corrupt or truncated (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        } catch (IOException e) {
            throw new IOException("download of " + source.name() + " from " + source.url()
                    + " is unusable: " + e.getMessage(), e);
        }
        return format;
    }
}
