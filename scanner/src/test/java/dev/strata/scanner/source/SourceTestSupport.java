package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

final class SourceTestSupport {
    private SourceTestSupport() {
    }

    /** Reads {@code blobs} on a 4-thread pool; asserts each is delivered exactly once; returns sha256 by digest. */
    static Map<Digest, Digest> readAll(ImageSource source, List<Descriptor> blobs) throws IOException {
        Map<Digest, Digest> hashes = new ConcurrentHashMap<>();
        Map<Digest, AtomicInteger> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            source.readBlobs(blobs, pool, (blob, in) -> {
                counts.computeIfAbsent(blob.digest(), k -> new AtomicInteger()).incrementAndGet();
                hashes.put(blob.digest(), Digest.sha256Of(in.readAllBytes()));
            });
        } finally {
            pool.shutdownNow();
        }
        for (Descriptor d : blobs) {
            assertThat(counts.get(d.digest())).as("deliveries of " + d.digest()).isNotNull();
        }
        long distinct = blobs.stream().map(Descriptor::digest).distinct().count();
        assertThat(counts.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(blobs.size());
        assertThat(counts).hasSize((int) distinct);
        return hashes;
    }
}
