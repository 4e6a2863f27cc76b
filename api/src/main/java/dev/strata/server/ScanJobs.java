package dev.strata.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.app.Strata;
import dev.strata.app.VulnerabilityScan;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.registry.RegistryRouting;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.source.SourceReference;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scan jobs: accepts them into a bounded queue (429 when full), runs them on a worker pool of
 * {@code scans.concurrency} threads, keeps their state in memory and on disk ({@link JobStore}), publishes
 * every change on the event bus ({@link #address}), and on start re-queues the jobs a previous process left
 * queued or running (failing those interrupted {@code scans.maxAttempts} times).
 */
public final class ScanJobs implements AutoCloseable {
    private final Vertx vertx;
    private final Strata strata;
    private final VulnerabilityDatabase vulnerabilities;
    private final JobStore store;
    private final ReferencePolicy policy;
    private final ServerMetrics metrics;
    private final int capacity;
    private final int maxAttempts;
    private final int keepFinished;
    private final WorkerExecutor pool;
    private final Map<String, ScanJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closing;
    private final ObjectMapper json = ReportJson.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

    ScanJobs(Vertx vertx, Strata strata, VulnerabilityDatabase vulnerabilities, JobStore store, ReferencePolicy policy, ServerMetrics metrics,
             int concurrency, int capacity, int maxAttempts, int keepFinished) {
        this.vertx = vertx;
        this.strata = strata;
        this.vulnerabilities = vulnerabilities;
        this.store = store;
        this.policy = policy;
        this.metrics = metrics;
        this.capacity = capacity;
        this.maxAttempts = maxAttempts;
        this.keepFinished = keepFinished;
        this.pool = vertx.createSharedWorkerExecutor("strata-scan", concurrency, 7, TimeUnit.DAYS);
    }

    /** The event-bus address where every change of job {@code id} is published (as the job's JSON text). */
    public static String address(String id) {
        return "strata.jobs." + id;
    }

    public int queued() {
        return active.get() - running.get();
    }

    public int running() {
        return running.get();
    }

    public Optional<ScanJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Whether a new job would be accepted now (uploads ask before reading the body). */
    public void checkCapacity() {
        if (active.get() >= capacity) {
            throw full();
        }
    }

    /**
     * Accepts a scan of a reference (blocking: may resolve the image). An image already indexed complete whose
     * stored report was matched against the live vulnerability database (or, without one, not matched) is
     * answered at once with that report; anything else is queued (a stored image matched against an older
     * generation is matched again from its stored packages, no layer read).
     */
    public ScanJob submit(String image, String platform) {
        policy.checkResolved(image);
        Platform p = parsePlatform(platform);
        ScanJob job = ScanJob.queued(UUID.randomUUID().toString(), image, p.toString(), false);
        Optional<ScanReport> stored;
        try {
            checkParsed(image);
            stored = strata.storedReport(image, p);
            if (stored.isPresent() && !vulnerabilities.current(stored.get())) {
                stored = Optional.empty();
            }
        } catch (ApiError e) {
            throw e;
        } catch (Exception e) {
            stored = Optional.empty(); // the scan itself reports what is wrong with the image
        }
        if (stored.isPresent()) {
            ScanReport report = stored.get().vulnerabilityDb() == null ? VulnerabilityDatabase.unmatched(stored.get())
                    : stored.get();
            ScanJob done = job.running().done(report.image().digest());
            store.saveReport(done.id(), ReportJson.write(report).getBytes(StandardCharsets.UTF_8));
            store.save(done);
            jobs.put(done.id(), done);
            metrics.scanFinished(JobStatus.DONE);
            metrics.layers(0, stored.get().layers().size(), 0);
            pruneFinished();
            return done;
        }
        return enqueue(job);
    }

    /** Accepts a scan of an uploaded archive, which is deleted once the job finished. */
    public ScanJob submitUpload(Path file, String platform) {
        Platform p = parsePlatform(platform);
        return enqueue(ScanJob.queued(UUID.randomUUID().toString(), file.toString(), p.toString(), true));
    }

    private ScanJob enqueue(ScanJob job) {
        if (active.incrementAndGet() > capacity) {
            active.decrementAndGet();
            throw full();
        }
        store.save(job);
        jobs.put(job.id(), job);
        schedule(job.id());
        return job;
    }

    /** Loads the jobs on disk; re-queues the unfinished ones, or fails those interrupted too often. */
    public void recover() throws IOException {
        List<ScanJob> all = store.loadAll();
        all.sort(Comparator.comparing(ScanJob::createdAt));
        for (ScanJob job : all) {
            if (job.status().finished()) {
                jobs.put(job.id(), job);
            } else if (job.attempts() >= maxAttempts) {
                ScanJob failed = job.failed("interrupted", "the server stopped during this scan " + job.attempts()
                        + " time(s); giving up after " + maxAttempts + " attempt(s)");
                store.save(failed);
                jobs.put(job.id(), failed);
                deleteUpload(failed);
            } else {
                ScanJob again = job.requeued();
                store.save(again);
                jobs.put(job.id(), again);
                active.incrementAndGet();
                schedule(job.id());
            }
        }
        pruneFinished();
    }

    /**
     * Deletes the finished jobs beyond the newest {@code keepFinished} (by finish time), files and all, so a
     * long-running service does not accumulate every job it ever ran.
     */
    synchronized void pruneFinished() {
        List<ScanJob> finished = jobs.values().stream().filter(j -> j.status().finished())
                .sorted(Comparator.comparing((ScanJob j) -> j.finishedAt() == null ? "" : j.finishedAt()).reversed())
                .toList();
        for (ScanJob old : finished.subList(Math.min(keepFinished, finished.size()), finished.size())) {
            store.delete(old.id());
            jobs.remove(old.id(), old);
        }
    }

    private void schedule(String id) {
        pool.executeBlocking(() -> {
            run(id);
            return null;
        }, false);
    }

    private void run(String id) {
        running.incrementAndGet();
        ScanJob job = update(jobs.get(id).running());
        store.save(job);
        try {
            if (!job.upload()) {
                policy.checkResolved(job.image());
                checkParsed(job.image());
            }
            JobProgress progress = new JobProgress(p -> update(jobs.get(id).withProgress(p)));
            Platform platform = Platform.parse(job.platform());
            Optional<VulnerabilityScan> db = vulnerabilities.scan();
            ScanReport report = db.isPresent() ? strata.scan(job.image(), platform, db.get(), progress)
                    : VulnerabilityDatabase.unmatched(strata.scan(job.image(), platform, progress));
            store.saveReport(id, ReportJson.write(report).getBytes(StandardCharsets.UTF_8));
            ScanJob done = update(jobs.get(id).done(report.image().digest()));
            store.save(done);
            metrics.layers((int) report.stats().layersRead(), (int) report.stats().layersReused(),
                    report.stats().bytesRead());
            metrics.scanFinished(JobStatus.DONE);
        } catch (Exception | StackOverflowError e) {
            if (closing) {
                return; // the server stops under this scan: the job stays running on disk and is re-queued at start
            }
            ScanJob failed = update(jobs.get(id).failed(errorCode(e), ErrorText.describe(e)));
            store.save(failed);
            metrics.scanFinished(JobStatus.FAILED);
        } finally {
            running.decrementAndGet();
            active.decrementAndGet();
            deleteUpload(jobs.get(id));
            if (!closing) {
                pruneFinished();
            }
        }
    }

    /** Refuses a reference that parses to a local source when those are off; a registry reference is opened as one. */
    private void checkParsed(String image) throws IOException {
        if (!RegistryRouting.isRegistryReference(image)) {
            policy.checkParsed(image, SourceReference.parse(image));
        }
    }

    private ScanJob update(ScanJob job) {
        jobs.put(job.id(), job);
        try {
            vertx.eventBus().publish(address(job.id()), json.writeValueAsString(job));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return job;
    }

    private static void deleteUpload(ScanJob job) {
        if (job.upload() && job.status().finished()) {
            try {
                Files.deleteIfExists(Path.of(job.image()));
            } catch (IOException e) {
                System.err.println("strata: warning: cannot delete upload " + job.image() + ": " + e.getMessage());
            }
        }
    }

    private static String errorCode(Throwable e) {
        if (e instanceof ApiError a) {
            return a.code();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof dev.strata.scanner.registry.RegistryHostRefusedException) {
                return "reference_refused";
            }
        }
        if (e instanceof ImageFormatException || e instanceof NoSuchFileException
                || e instanceof IllegalArgumentException) {
            return "bad_image";
        }
        return "scan_failed";
    }

    private static Platform parsePlatform(String platform) {
        try {
            return Platform.parse(platform == null || platform.isBlank() ? "linux/amd64" : platform);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("platform '" + platform + "': " + e.getMessage());
        }
    }

    private ApiError full() {
        return new ApiError(429, "queue_full", "the scan queue is full (" + capacity + " jobs); try again later", 5);
    }

    /** Stops taking results: scans cut short by the shutdown are left to be re-queued by the next start. */
    @Override
    public void close() {
        closing = true;
        pool.close();
    }
}
