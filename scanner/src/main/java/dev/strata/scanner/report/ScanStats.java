package dev.strata.scanner.report;

/** How a scan went: wall time inside the process, layers streamed vs. reused from the index, bytes read. */
public record ScanStats(long elapsedMillis, int layersRead, int layersReused, long bytesRead) {
}
