package dev.strata.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code --format} and {@code -o FILE}: where and how a command writes its result. */
final class OutputOptions {
    enum Format { table, json }

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path output;

    /** Writes {@code result} as JSON or, for {@code table}, as {@code table} renders it, to the output file or {@code out}. */
    <T> void print(T result, java.util.function.Function<T, String> table, PrintWriter out) throws IOException {
        write(format == Format.json ? dev.strata.scanner.report.ReportJson.write(result) + "\n" : table.apply(result),
                out);
    }

    /** Writes {@code text} to the output file (replaced atomically) or to {@code out}. */
    void write(String text, PrintWriter out) throws IOException {
        write(text, output, out);
    }

    /** Writes {@code text} to {@code file} (replaced atomically) or, when it is null, to {@code out}. */
    static void write(String text, Path file, PrintWriter out) throws IOException {
        Path output = file;
        if (output == null) {
            out.print(text);
            out.flush();
            return;
        }
        Path target = output.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".strata-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
