package dev.strata.scanner.packages.golang;

import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.analysis.AnalysisSink;
import dev.strata.scanner.packages.analysis.FileAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Finds the Go modules compiled into ELF executables from their embedded build information (Go 1.18 and later;
 * see {@link GoBuildInfoDecoder}, {@link GoPackages}). Any path qualifies, but only files of at least
 * {@link #MIN_SIZE} bytes: an empty {@code main} built by Go 1.19 and stripped is 768 KiB, so smaller files cannot
 * be Go programs and are not worth streaming. Mach-O and PE binaries are not read (images run ELF).
 */
public final class GoBinaryAnalyzer implements FileAnalyzer {

    /** 512 KiB. */
    public static final long MIN_SIZE = 512 * 1024;

    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    @Override
    public boolean wants(String path, long size) {
        return size >= MIN_SIZE;
    }

    @Override
    public void analyze(String path, InputStream content, AnalysisSink sink) throws IOException {
        byte[] head = content.readNBytes(ELF.length);
        if (!java.util.Arrays.equals(head, ELF)) {
            return;
        }
        byte[] blob = GoBuildInfoLocator.find(new SequenceInputStream(new ByteArrayInputStream(head), content))
                .orElse(null);
        if (blob == null) {
            return;
        }
        GoBuildInfoDecoding decoding = GoBuildInfoDecoder.decode(blob);
        if (decoding instanceof GoBuildInfoDecoding.Unreadable u) {
            sink.warning(path, u.message());
        } else if (decoding instanceof GoBuildInfoDecoding.Decoded d) {
            for (DetectedPackage p : GoPackages.of(d.info(), path)) {
                sink.foundPackage(p, null);
            }
        }
    }
}
