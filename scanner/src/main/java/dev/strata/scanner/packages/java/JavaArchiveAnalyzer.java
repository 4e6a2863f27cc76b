package dev.strata.scanner.packages.java;

import dev.strata.scanner.packages.analysis.AnalysisSink;
import dev.strata.scanner.packages.analysis.FileAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Finds Maven packages in Java archives ({@code .jar .war .ear .jpi .hpi}) and the archives nested in them, reading
 * each file once as a stream; see {@link ArchiveIdentity} for how an archive's identity is decided and
 * {@link ArchiveLimits} for the bounds. Package paths are locations such as {@code /app/app.jar!/BOOT-INF/lib/x.jar}.
 */
public final class JavaArchiveAnalyzer implements FileAnalyzer {

    private final ArchiveLimits limits;
    private final int maxBuffered;

    /** With {@link ArchiveLimits#DEFAULTS}. */
    public JavaArchiveAnalyzer() {
        this(ArchiveLimits.DEFAULTS);
    }

    /** With the given bounds per outer archive. */
    public JavaArchiveAnalyzer(ArchiveLimits limits) {
        this(limits, ArchiveWalker.MAX_BUFFERED);
    }

    /** With the given bounds, opening archives of at most {@code maxBuffered} bytes in memory (0: stream all). */
    JavaArchiveAnalyzer(ArchiveLimits limits, int maxBuffered) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxBuffered = maxBuffered;
    }

    @Override
    public boolean wants(String path, long size) {
        return ArchiveWalker.isArchiveName(path);
    }

    @Override
    public void analyze(String path, InputStream content, AnalysisSink sink) throws IOException {
        try {
            new ArchiveWalker(new ArchiveBudget(limits), sink, maxBuffered).walk(path, new SourceStream(content), 0);
        } catch (SourceIOException e) {
            throw (IOException) e.getCause();
        } catch (ArchiveWalker.SinkFailure e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
