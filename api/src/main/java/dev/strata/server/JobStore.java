package dev.strata.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.scanner.report.ReportJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jobs and their reports on disk, under {@code <data>/jobs/}: {@code <id>.json} and {@code <id>.report.json},
 * each written to a temporary file, forced to disk and renamed over the old one, so a crash leaves either
 * the old or the new file whole.
 */
public final class JobStore {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{8,64}");
    private final Path dir;
    private final ObjectMapper json = ReportJson.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

    public JobStore(Path dataDir) throws IOException {
        this.dir = Files.createDirectories(dataDir.resolve("jobs"));
    }

    /** Whether {@code id} is the shape of a job id (so it can name a file). */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public synchronized void save(ScanJob job) {
        write(dir.resolve(job.id() + ".json"), bytes(job));
    }

    public synchronized void saveReport(String id, byte[] reportJson) {
        write(dir.resolve(id + ".report.json"), reportJson);
    }

    public Optional<byte[]> report(String id) throws IOException {
        Path file = dir.resolve(id + ".report.json");
        return validId(id) && Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    /** Deletes a job's file and its report, the job file last (a crash in between leaves a job without report). */
    public synchronized void delete(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + ".report.json"));
            Files.deleteIfExists(dir.resolve(id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete job " + id + ": " + e.getMessage(), e);
        }
    }

    /** Every job on disk; a file that cannot be read (cut by a crash before the rename, say) is skipped. */
    public List<ScanJob> loadAll() throws IOException {
        List<ScanJob> jobs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".report.json") || !validId(name.substring(0, name.length() - 5))) {
                    continue;
                }
                try {
                    jobs.add(json.readValue(f.toFile(), ScanJob.class));
                } catch (IOException e) {
                    System.err.println("strata: warning: skipping unreadable job file " + f + ": " + e.getMessage());
                }
            }
        }
        return jobs;
    }

    private byte[] bytes(ScanJob job) {
        try {
            return json.writeValueAsBytes(job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path target, byte[] content) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
