package dev.strata.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressInputStreamTest {

    @Test
    void countsEveryByteReadOrSkipped() throws Exception {
        AtomicLong counted = new AtomicLong();
        ScanProgress progress = new ScanProgress() {
            @Override
            public void bytesRead(long bytes) {
                counted.addAndGet(bytes);
            }
        };
        InputStream in = ProgressInputStream.of(new ByteArrayInputStream(new byte[10_000]), progress);
        assertThat(in.read()).isZero();
        assertThat(in.read(new byte[4096])).isEqualTo(4096);
        assertThat(in.skip(1000)).isEqualTo(1000);
        assertThat(in.readAllBytes()).hasSize(10_000 - 1 - 4096 - 1000);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(counted.get()).isEqualTo(10_000);
    }

    @Test
    void nobodyListeningMeansTheStreamItself() {
        InputStream raw = new ByteArrayInputStream(new byte[1]);
        assertThat(ProgressInputStream.of(raw, ScanProgress.NONE)).isSameAs(raw);
    }
}
