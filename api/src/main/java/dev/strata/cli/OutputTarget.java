package dev.strata.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** One {@code --format FMT[=FILE]} of {@code strata scan}: a report format and where it goes (null: stdout). */
record OutputTarget(Format format, Path file) {

    /** The formats a scan can be written in. */
    enum Format { table, json, sarif, junit, cyclonedx, spdx }

    /** Parses {@code FMT} or {@code FMT=FILE}; an unknown format is a usage error listing the known ones. */
    static final class Converter implements ITypeConverter<OutputTarget> {
        @Override
        public OutputTarget convert(String value) {
            int eq = value.indexOf('=');
            String name = (eq < 0 ? value : value.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            Format format;
            try {
                format = Format.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown format '" + name + "' (expected "
                        + Arrays.stream(Format.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
            if (eq >= 0 && value.substring(eq + 1).isBlank()) {
                throw new TypeConversionException("no file after '" + name + "='");
            }
            return new OutputTarget(format, eq < 0 ? null : Path.of(value.substring(eq + 1)));
        }
    }

    /**
     * The targets to write: {@code given} (default {@code table}), those without a file sent to {@code output}
     * ({@code -o}) when it is set. At most one target may go to stdout and none twice to one file, else an
     * {@link IllegalArgumentException} says how to fix the command line.
     */
    static List<OutputTarget> resolve(List<OutputTarget> given, Path output) {
        List<OutputTarget> targets = given == null || given.isEmpty()
                ? List.of(new OutputTarget(Format.table, null)) : given;
        List<OutputTarget> out = new ArrayList<>();
        int unnamed = 0;
        Set<Path> files = new HashSet<>();
        for (OutputTarget t : targets) {
            OutputTarget resolved = t.file() == null && output != null ? new OutputTarget(t.format(), output) : t;
            if (t.file() == null) {
                unnamed++;
            }
            if (resolved.file() != null && !files.add(resolved.file().toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("two formats would write " + resolved.file()
                        + "; give each its own FMT=FILE");
            }
            out.add(resolved);
        }
        if (unnamed > 1) {
            throw new IllegalArgumentException((output == null ? "only one format can go to stdout"
                    : "-o FILE takes one format") + "; give the others as --format FMT=FILE");
        }
        return List.copyOf(out);
    }
}
