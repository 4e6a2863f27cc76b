package dev.strata.scanner.layer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipedChunkStreamTest {

    @Test
    void transfersAllBytesInOrderThroughFewSmallChunks() throws IOException {
        byte[] data = new byte[1_000_003];
        new Random(42).nextBytes(data);
        try (PipedChunkStream in = PipedChunkStream.start(null, 3, 1000, out -> {
            // mixed write sizes: single bytes, small and larger-than-a-chunk arrays
            int i = 0;
            out.write(data[i++]);
            while (i < data.length) {
                int n = Math.min(data.length - i, (i % 7) * 777 + 1);
                out.write(data, i, n);
                i += n;
            }
        })) {
            byte[] back = in.readAllBytes();
            assertThat(Arrays.equals(back, data)).isTrue();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void emptyProducerGivesEmptyStream() throws IOException {
        try (PipedChunkStream in = PipedChunkStream.start(null, 2, 16, out -> { })) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void producerFailurePropagatesAfterTheBytesWrittenBeforeIt() throws IOException {
        IOException boom = new IOException("inflate failed");
        try (PipedChunkStream in = PipedChunkStream.start(null, 2, 4, out -> {
            out.write(new byte[]{1, 2, 3, 4, 5, 6});
            throw boom;
        })) {
            byte[] first = new byte[6];
            int got = 0;
            while (got < 6) {
                got += in.read(first, got, 6 - got);
            }
            assertThat(first).containsExactly(1, 2, 3, 4, 5, 6);
            assertThatThrownBy(in::read).isSameAs(boom);
            assertThatThrownBy(in::read).isSameAs(boom); // and stays failed
        }
    }

    @Test
    void producerRuntimeFailureIsWrapped() throws IOException {
        try (PipedChunkStream in = PipedChunkStream.start(null, 2, 4, out -> {
            throw new IllegalStateException("bug");
        })) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("bug").hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void consumerCloseStopsAnEndlessProducerAndWaitsForIt() throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        AtomicBoolean returned = new AtomicBoolean();
        PipedChunkStream in = PipedChunkStream.start(null, 2, 1024, out -> {
            try {
                byte[] buf = new byte[100];
                while (true) {
                    out.write(buf);
                }
            } catch (IOException e) {
                seen.set(e);
                throw e;
            } finally {
                returned.set(true);
            }
        });
        in.readNBytes(5000);
        in.close();
        assertThat(returned).isTrue();
        assertThat(in.producerFinished()).isTrue();
        assertThat(seen.get()).isInstanceOf(PipedChunkStream.CancelledException.class);
        assertThat(in.producerFailure()).isNull(); // a cancellation is not reported as a failure
        assertThatThrownBy(in::read).hasMessageContaining("closed");
    }

    @Test
    void closeWithoutReadingStopsABlockedProducer() throws Exception {
        PipedChunkStream in = PipedChunkStream.start(null, 1, 8, out -> {
            while (true) {
                out.write(7);
            }
        });
        in.close();
        assertThat(in.producerFinished()).isTrue();
    }

    @Test
    void runsOnAGivenExecutorAndLeaksNoThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                boolean fail = round % 2 == 0;
                PipedChunkStream in = PipedChunkStream.start(pool, 2, 64, out -> {
                    out.write(new byte[1000]);
                    if (fail) {
                        throw new IOException("round failed");
                    }
                });
                try (in) {
                    if (fail) {
                        assertThatThrownBy(in::readAllBytes).hasMessage("round failed");
                    } else {
                        assertThat(in.readAllBytes()).hasSize(1000);
                    }
                }
                assertThat(in.producerFinished()).isTrue();
            }
            // both pool threads are idle again: two tasks start at once
            CountDownLatch both = new CountDownLatch(2);
            pool.execute(both::countDown);
            pool.execute(both::countDown);
            assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void defaultThreadsAreDaemonsAndEnd() throws Exception {
        AtomicReference<Thread> producerThread = new AtomicReference<>();
        try (InputStream in = PipedChunkStream.start(null, 2, 16, out -> {
            producerThread.set(Thread.currentThread());
            out.write(1);
        })) {
            assertThat(in.readAllBytes()).containsExactly(1);
        }
        Thread t = producerThread.get();
        assertThat(t.isDaemon()).isTrue();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void skipReadsThroughChunks() throws IOException {
        try (PipedChunkStream in = PipedChunkStream.start(null, 2, 10, out -> {
            for (int i = 0; i < 100; i++) {
                out.write(i);
            }
        })) {
            assertThat(in.skip(55)).isEqualTo(55);
            assertThat(in.read()).isEqualTo(55);
            assertThat(in.skip(1000)).isEqualTo(44);
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
