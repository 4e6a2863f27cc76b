package dev.strata.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;

/** Strata's own meters beside Vert.x's HTTP ones: scans by outcome, layers read or reused, blob bytes read. */
public final class ServerMetrics {
    private final MeterRegistry registry;
    private final Counter layersRead;
    private final Counter layersReused;
    private final Counter bytesRead;

    public ServerMetrics(MeterRegistry registry, Supplier<Number> queued, Supplier<Number> running) {
        this.registry = registry;
        this.layersRead = Counter.builder("strata.layers").tag("source", "read")
                .description("Layers streamed by scans").register(registry);
        this.layersReused = Counter.builder("strata.layers").tag("source", "cache")
                .description("Layers found in the index (layer cache hits)").register(registry);
        this.bytesRead = Counter.builder("strata.layer.bytes.read").baseUnit("bytes")
                .description("Layer blob bytes streamed by scans").register(registry);
        Gauge.builder("strata.scans.queued", queued).description("Scan jobs waiting for a worker").register(registry);
        Gauge.builder("strata.scans.running", running).description("Scan jobs being scanned").register(registry);
    }

    /** A job reached {@code status} (done or failed). */
    public void scanFinished(JobStatus status) {
        Counter.builder("strata.scans").tag("status", status.json()).description("Scan jobs finished, by status")
                .register(registry).increment();
    }

    public void layers(int read, int reused, long bytes) {
        layersRead.increment(read);
        layersReused.increment(reused);
        bytesRead.increment(bytes);
    }
}
