package dev.strata.index.advisory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test advisory files (copied from the scanner's test resources, see the SOURCE.md files) and zips built from them. */
final class AdvisoryFiles {
    static final String LOG4J_1 = "GHSA-jfh8-c2jp-5v3q";
    static final String LOG4J_2 = "GHSA-7rjr-3q55-vv33";
    static final String LODASH_1 = "GHSA-p6mc-m468-83gw";
    static final String LODASH_2 = "GHSA-35jh-r3h4-6jhm";
    static final String LOG4J = "org.apache.logging.log4j:log4j-core";

    private AdvisoryFiles() {
    }

    static Path resource(String relative) {
        try {
            return Path.of(AdvisoryFiles.class.getResource(relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path osv(String id) {
        return resource("osv/" + id + ".json");
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a zip of {@code entries} (name → content), in map order. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    /** Cuts {@code zip} to {@code keep} bytes, as an interrupted download would. */
    static Path truncate(Path zip, int keep) throws IOException {
        byte[] all = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(all, keep));
        return zip;
    }
}
