package dev.strata.server;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One scan request as the service keeps it (and writes it to {@code <data>/jobs/<id>.json}): the image
 * reference (for an upload, the file under {@code <data>/uploads/}), status, attempts, progress, the error of
 * a failed job and the manifest digest once known. Times are ISO-8601 text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanJob(String id, String image, String platform, boolean upload, JobStatus status, int attempts,
                      Progress progress, Error error, String digest, String createdAt, String startedAt,
                      String finishedAt) {

    /** Layers and blob bytes of the image in the index so far, out of all. */
    public record Progress(int layersDone, int layersTotal, long bytesDone, long bytesTotal) {
        public static final Progress NONE = new Progress(0, 0, 0, 0);
    }

    /** Why a job failed: the same code and one-line message an API error has. */
    public record Error(String code, String message) {
    }

    public static ScanJob queued(String id, String image, String platform, boolean upload) {
        return new ScanJob(id, image, platform, upload, JobStatus.QUEUED, 0, Progress.NONE, null, null,
                Instant.now().toString(), null, null);
    }

    public ScanJob running() {
        return new ScanJob(id, image, platform, upload, JobStatus.RUNNING, attempts + 1, Progress.NONE, null, digest,
                createdAt, Instant.now().toString(), null);
    }

    public ScanJob requeued() {
        return new ScanJob(id, image, platform, upload, JobStatus.QUEUED, attempts, Progress.NONE, null, digest,
                createdAt, null, null);
    }

    public ScanJob withProgress(Progress p) {
        return new ScanJob(id, image, platform, upload, status, attempts, p, error, digest, createdAt, startedAt,
                finishedAt);
    }

    public ScanJob done(String manifestDigest) {
        Progress p = progress.layersTotal() == 0 ? progress
                : new Progress(progress.layersTotal(), progress.layersTotal(), progress.bytesDone(), progress.bytesTotal());
        return new ScanJob(id, image, platform, upload, JobStatus.DONE, attempts, p, null, manifestDigest, createdAt,
                startedAt, Instant.now().toString());
    }

    public ScanJob failed(String code, String message) {
        return new ScanJob(id, image, platform, upload, JobStatus.FAILED, attempts, progress, new Error(code, message),
                digest, createdAt, startedAt, Instant.now().toString());
    }
}
