package dev.strata.scanner.packages.analysis;

import java.io.IOException;
import java.io.InputStream;

/**
 * Finds packages in one kind of file while a layer streams (Java archives, Go binaries, package
 * databases). Implementations keep no state between files; they report through the sink.
 */
public interface FileAnalyzer {
    /** Whether {@link #analyze} wants the content of the regular file {@code path} (clean, absolute) of {@code size} bytes. */
    boolean wants(String path, long size);

    /**
     * Reads (a prefix of) the file and reports what it finds. Bad content is reported as a warning through
     * the sink, never thrown; only I/O failures of the stream itself propagate.
     */
    void analyze(String path, InputStream content, AnalysisSink sink) throws IOException;
}
