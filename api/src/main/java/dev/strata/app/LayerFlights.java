package dev.strata.app;

import dev.strata.scanner.image.Digest;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single flight per layer: of the scans in this process that need the same layer (diffID) at once, the first
 * claims and reads it, the others wait until it is in the index (or the reader gave up) and then look again.
 */
public final class LayerFlights {
    private final Map<Digest, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Map<Digest, AtomicInteger> waiting = new ConcurrentHashMap<>();

    /** Claims every layer of {@code diffIds} no other scan is reading; the rest are joined. */
    public Claim claim(Collection<Digest> diffIds) {
        Map<Digest, CompletableFuture<Void>> led = new LinkedHashMap<>();
        Map<Digest, CompletableFuture<Void>> joined = new LinkedHashMap<>();
        for (Digest diffId : new LinkedHashSet<>(diffIds)) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = inFlight.putIfAbsent(diffId, mine);
            if (other == null) {
                led.put(diffId, mine);
            } else {
                joined.put(diffId, other);
            }
        }
        return new Claim(led, joined);
    }

    /** How many scans wait right now for {@code diffId} to be read by another (for tests and metrics). */
    public int waitingFor(Digest diffId) {
        AtomicInteger n = waiting.get(diffId);
        return n == null ? 0 : n.get();
    }

    /** The layers one scan leads (must read) and those it joined (another scan reads them). */
    public final class Claim implements AutoCloseable {
        private final Map<Digest, CompletableFuture<Void>> led;
        private final Map<Digest, CompletableFuture<Void>> joined;

        private Claim(Map<Digest, CompletableFuture<Void>> led, Map<Digest, CompletableFuture<Void>> joined) {
            this.led = led;
            this.joined = joined;
        }

        public Set<Digest> led() {
            return led.keySet();
        }

        public Set<Digest> joined() {
            return joined.keySet();
        }

        /** The led layer is in the index: scans waiting for it go on. */
        public void done(Digest diffId) {
            CompletableFuture<Void> f = led.get(diffId);
            if (f != null) {
                inFlight.remove(diffId, f);
                f.complete(null);
            }
        }

        /** Waits until every joined layer was read (or its reader failed); returns those that were. */
        public List<Digest> awaitJoined() throws InterruptedIOException {
            List<Digest> ok = new ArrayList<>();
            for (Map.Entry<Digest, CompletableFuture<Void>> e : joined.entrySet()) {
                AtomicInteger n = waiting.computeIfAbsent(e.getKey(), k -> new AtomicInteger());
                n.incrementAndGet();
                try {
                    e.getValue().get();
                    ok.add(e.getKey());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for layer " + e.getKey());
                } catch (ExecutionException failed) {
                    // the reader gave up: the caller looks at the index again and reads the layer itself
                } finally {
                    n.decrementAndGet();
                }
            }
            return ok;
        }

        /** Releases the led layers not done, so their waiters read them themselves. */
        @Override
        public void close() {
            for (Map.Entry<Digest, CompletableFuture<Void>> e : led.entrySet()) {
                if (!e.getValue().isDone()) {
                    inFlight.remove(e.getKey(), e.getValue());
                    e.getValue().completeExceptionally(new IllegalStateException("layer not read"));
                }
            }
        }
    }
}
