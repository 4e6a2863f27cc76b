package dev.strata.scanner.packages.golang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.scanner.packages.TestResources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GoBinaryAnalyzerTest {

    private final GoBinaryAnalyzer analyzer = new GoBinaryAnalyzer();

    private RecordingSink analyze(String path, byte[] bytes) throws IOException {
        RecordingSink sink = new RecordingSink();
        analyzer.analyze(path, new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    @Test
    void wantsLargeFilesAnywhere() {
        assertThat(analyzer.wants("/usr/local/bin/app", 512 * 1024)).isTrue();
        assertThat(analyzer.wants("/anything/at/all.so", 40L << 20)).isTrue();
        assertThat(analyzer.wants("/usr/local/bin/app", 512 * 1024 - 1)).isFalse();
    }

    @Test
    void realBinaryBuiltByGo119() throws IOException {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = TestResources.open("golang/strata-gotest")) {
            analyzer.analyze("/usr/local/bin/strata-gotest", in, sink);
        }
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactly(
                "pkg:golang/example.com/greet-fork@v1.2.4 /usr/local/bin/strata-gotest null",
                "pkg:golang/golang.org/x/mod@v0.7.0 /usr/local/bin/strata-gotest null",
                "pkg:golang/stdlib@1.19.8 /usr/local/bin/strata-gotest null");
    }

    @Test
    void realBinaryFullInfo() throws IOException {
        byte[] bin;
        try (InputStream in = TestResources.open("golang/strata-gotest")) {
            bin = in.readAllBytes();
        }
        var blob = GoBuildInfoLocator.find(new ByteArrayInputStream(bin)).orElseThrow();
        var decoded = (GoBuildInfoDecoding.Decoded) GoBuildInfoDecoder.decode(blob);
        GoBuildInfo info = decoded.info();
        assertThat(info.goVersion()).isEqualTo("go1.19.8");
        assertThat(info.mainPath()).isEqualTo("example.com/strata/gotest");
        assertThat(info.mainModule()).isEqualTo(new GoModule("example.com/strata/gotest", "(devel)", "", null));
        assertThat(info.deps()).containsExactly(
                new GoModule("example.com/greet", "v1.2.3", "", new GoModule("example.com/greet-fork", "v1.2.4", "", null)),
                new GoModule("golang.org/x/mod", "v0.7.0", "", null));
        assertThat(info.settings()).containsEntry("GOOS", "linux").containsEntry("CGO_ENABLED", "0")
                .containsEntry("-trimpath", "true").hasSize(6);
    }

    @Test
    void notElfIsIgnoredAtOnce() throws IOException {
        byte[] blob = GoBlobs.inline("go1.21.5", "path\tx\n");
        byte[] file = GoBlobs.elf(600_000, 4096, blob);
        file[0] = 'M';
        file[1] = 'Z';
        CountingStream in = new CountingStream(file);
        RecordingSink sink = new RecordingSink();
        analyzer.analyze("/app/x.exe", in, sink);
        assertThat(sink.packages).isEmpty();
        assertThat(sink.warnings).isEmpty();
        assertThat(in.read).isEqualTo(4);
    }

    @Test
    void elfWithoutBuildInfoGivesNothing() throws IOException {
        RecordingSink sink = analyze("/usr/lib/libc.so.6", GoBlobs.elf(3 << 20, 0, null));
        assertThat(sink.packages).isEmpty();
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void oldPointerFormatWarns() throws IOException {
        byte[] old = GoBlobs.header(8, 0x0);
        RecordingSink sink = analyze("/bin/old", GoBlobs.elf(600_000, 8192, old));
        assertThat(sink.packages).isEmpty();
        assertThat(sink.warnings).containsExactly("/bin/old: Go binary built before Go 1.18: build info not read");
    }

    @Test
    void headerAcrossAndAtBufferBoundaries() throws IOException {
        byte[] blob = GoBlobs.inline("go1.21.5", "path\tm\nmod\tm\tv1.0.0\th1:x=\ndep\tgithub.com/a/b\tv0.1.0\th1:y=\n");
        for (int offset : new int[] {(1 << 20) - 16, 1 << 20, (1 << 20) - 48, (2 << 20) + 32}) {
            RecordingSink sink = analyze("/bin/m", GoBlobs.elf(3 << 20, offset, blob));
            assertThat(sink.packages).as("offset %d", offset).containsExactly(
                    "pkg:golang/m@v1.0.0 /bin/m null",
                    "pkg:golang/github.com/a/b@v0.1.0 /bin/m null",
                    "pkg:golang/stdlib@1.21.5 /bin/m null");
        }
    }

    @Test
    void blobCutByEndOfFile() throws IOException {
        byte[] blob = GoBlobs.inline("go1.21.5", "path\tm\ndep\tgithub.com/a/b\tv0.1.0\th1:y=\n");
        int size = 600_000;
        RecordingSink sink = analyze("/bin/cut", GoBlobs.elf(size, size - 48, blob));
        assertThat(sink.packages).isEmpty();
        assertThat(sink.warnings).containsExactly("/bin/cut: truncated Go build info (module information)");
    }

    @Test
    void misalignedOrImplausibleMagicIsSkipped() throws IOException {
        byte[] real = GoBlobs.inline("go1.22.1", "path\tm\ndep\tgithub.com/a/b\tv0.1.0\th1:y=\n");
        byte[] file = GoBlobs.elf(1 << 20, 65536, real);
        // the magic as plain string data: followed by text, not a pointer size and flags
        byte[] decoy = Arrays.copyOf(GoBuildInfoDecoder.MAGIC, 32);
        decoy[14] = 'x';
        decoy[15] = 'y';
        System.arraycopy(decoy, 0, file, 4096, 32);
        // a complete header at an unaligned offset is not looked at
        byte[] unaligned = GoBlobs.inline("go1.10", "dep\tevil\tv6.6.6\t\n");
        System.arraycopy(unaligned, 0, file, 8200, unaligned.length);
        RecordingSink sink = analyze("/bin/m", file);
        assertThat(sink.warnings).isEmpty();
        assertThat(sink.packages).containsExactly(
                "pkg:golang/github.com/a/b@v0.1.0 /bin/m null", "pkg:golang/stdlib@1.22.1 /bin/m null");
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends ByteArrayInputStream {
        int read;

        CountingStream(byte[] b) {
            super(b);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public synchronized int read() {
            int c = super.read();
            read += c >= 0 ? 1 : 0;
            return c;
        }

        @Override
        public byte[] readNBytes(int len) {
            byte[] b = new byte[len];
            int n = read(b, 0, len);
            return Arrays.copyOf(b, Math.max(n, 0));
        }
    }
}
