package dev.strata.server;

import io.vertx.core.buffer.Buffer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The most recently served rendered reports (job id and format → bytes), so hot reports skip disk and rendering. */
final class ReportCache {
    private final int maxEntries;
    private final Map<String, Buffer> entries;

    ReportCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Buffer> eldest) {
                return size() > ReportCache.this.maxEntries;
            }
        };
    }

    synchronized Optional<Buffer> get(String id, ReportFormat format) {
        return Optional.ofNullable(entries.get(id + "/" + format));
    }

    synchronized void put(String id, ReportFormat format, Buffer rendered) {
        entries.put(id + "/" + format, rendered);
    }
}
