package dev.strata.scanner.layer;

import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExternalGzipInflaterTest {
    private static final Path IGZIP = LayerReaderExternalGzipTest.IGZIP;
    private final GzipInflater igzip = IGZIP == null ? null : new ExternalGzipInflater(IGZIP, 0);

    @BeforeAll
    static void igzipInstalled() {
        assumeTrue(IGZIP != null, "igzip not installed (apt-get install isal)");
    }

    private static byte[] text(int n) {
        Random r = new Random(7);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + r.nextInt(8));
        }
        return b;
    }

    @Test
    void inflatesWhatTheJvmInflatesAndReadsTheSourceToItsEnd() throws IOException {
        byte[] data = text(3 << 20);
        byte[] gz = TarBuilder.gzip(data);
        byte[] withTrailer = concat(gz, new byte[1000]); // padding after the member, as some tools write
        ByteArrayInputStream source = new ByteArrayInputStream(withTrailer);
        byte[] out;
        try (InputStream in = igzip.inflate(source, withTrailer.length)) {
            out = in.readAllBytes();
        }
        assertThat(out).isEqualTo(data);
        assertThat(source.available()).as("compressed bytes left unread").isZero();
    }

    @Test
    void multiMemberStreams() throws IOException {
        byte[] a = text(100_000);
        byte[] b = "second member".getBytes();
        try (InputStream in = igzip.inflate(new ByteArrayInputStream(concat(TarBuilder.gzip(a), TarBuilder.gzip(b))), -1)) {
            assertThat(in.readAllBytes()).isEqualTo(concat(a, b));
        }
    }

    @Test
    void anIncompleteStreamIsAnEofException() {
        byte[] gz = TarBuilder.gzip(text(200_000));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> {
            try (InputStream in = igzip.inflate(new ByteArrayInputStream(cut), cut.length)) {
                in.readAllBytes();
            }
        }).isInstanceOf(EOFException.class).hasMessageContaining("unexpected end of gzip stream");
    }

    @Test
    void corruptDataIsAZipExceptionWithIgzipsMessage() {
        byte[] gz = TarBuilder.gzip(text(200_000));
        for (int i = gz.length / 2; i < gz.length / 2 + 50; i++) {
            gz[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> {
            try (InputStream in = igzip.inflate(new ByteArrayInputStream(gz), gz.length)) {
                in.readAllBytes();
            }
        }).isInstanceOf(ZipException.class).hasMessageContaining("igzip");
    }

    @Test
    void aFailingSourceIsRethrownAsItWas() {
        byte[] gz = TarBuilder.gzip(text(500_000));
        IOException broken = new IOException("connection reset by registry");
        InputStream source = new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos > gz.length / 3) {
                    throw broken;
                }
                int n = Math.min(len, 4096);
                System.arraycopy(gz, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        assertThatThrownBy(() -> {
            try (InputStream in = igzip.inflate(source, gz.length)) {
                in.readAllBytes();
            }
        }).isSameAs(broken);
    }

    @Test
    void closingEarlyKillsTheProcess() throws Exception {
        byte[] gz = TarBuilder.gzip(text(8 << 20));
        InputStream in = igzip.inflate(new ByteArrayInputStream(gz), gz.length);
        assertThat(in.readNBytes(1000)).hasSize(1000);
        in.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.current().children().anyMatch(p -> p.info().command().orElse("").endsWith("igzip"))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("igzip"))).isEmpty();
    }

    @Test
    void smallBlobsAreInflatedInTheJvm() throws IOException {
        GzipInflater withThreshold = new ExternalGzipInflater(IGZIP, 1 << 20);
        byte[] data = text(10_000);
        byte[] gz = TarBuilder.gzip(data);
        try (InputStream in = withThreshold.inflate(new ByteArrayInputStream(gz), gz.length)) {
            assertThat(in).isInstanceOf(java.util.zip.GZIPInputStream.class);
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void settings(@TempDir Path tmp) throws IOException {
        assertThat(GzipInflater.fromSetting("java", System.getenv("PATH")).describe()).isEqualTo("java");
        assertThat(GzipInflater.fromSetting("auto", System.getenv("PATH")).describe()).isEqualTo(IGZIP.toString());
        assertThat(GzipInflater.fromSetting(null, tmp.toString()).describe()).as("no igzip on PATH").isEqualTo("java");
        assertThat(GzipInflater.fromSetting(IGZIP.toString(), "").describe()).isEqualTo(IGZIP.toString());
        Path notExecutable = Files.writeString(tmp.resolve("igzip"), "#!/bin/sh\n");
        assertThatThrownBy(() -> GzipInflater.fromSetting(notExecutable.toString(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STRATA_GZIP=");
        assertThat(GzipInflater.fromSetting("auto", tmp.toString()).describe()).as("not executable").isEqualTo("java");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
