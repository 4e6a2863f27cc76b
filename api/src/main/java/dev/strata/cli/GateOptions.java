package dev.strata.cli;

import dev.strata.scanner.gate.GateEvaluator;
import dev.strata.scanner.gate.GatePolicy;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.gate.IgnoreFileParser;
import dev.strata.scanner.gate.IgnoreRule;
import dev.strata.scanner.gate.VexMatcher;
import dev.strata.scanner.gate.VexParser;
import dev.strata.scanner.gate.VexStatement;
import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.FindingStatus;
import dev.strata.scanner.vuln.match.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CI gate's options of {@code strata scan}: {@code --fail-on}, {@code --ignore-status}, {@code --ignore-file}
 * (default {@code .strataignore.yaml} in the working directory, when present), {@code --vex} and {@code --quiet}.
 */
final class GateOptions {
    /** The ignore file looked for in the working directory. */
    static final String DEFAULT_IGNORE_FILE = ".strataignore.yaml";

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Exit 1 when a finding of this severity or higher remains "
                    + "(CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN).")
    Severity failOn;

    @Option(names = "--ignore-status", paramLabel = "LIST", converter = StatusList.class,
            description = "Findings with these statuses do not count: fixed, unfixed, wont-fix (comma-separated).")
    Statuses ignoreStatus;

    @Option(names = "--ignore-file", paramLabel = "FILE",
            description = "Ignore rules (YAML); default: " + DEFAULT_IGNORE_FILE + " in the working directory.")
    Path ignoreFile;

    @Option(names = "--vex", paramLabel = "FILE",
            description = "An OpenVEX or CycloneDX VEX document (repeatable); not_affected and fixed statements "
                    + "suppress findings.")
    List<Path> vex;

    @Option(names = {"-q", "--quiet"}, description = "No progress display and no warnings; errors and the verdict only.")
    boolean quiet;

    /** Applies the policy, {@code ignoreRules} and {@code vex} to {@code findings} as of {@code today}. */
    GateResult evaluate(List<Finding> findings, List<IgnoreRule> ignoreRules, List<VexStatement> vex,
                        String imageDigest, LocalDate today) {
        GatePolicy policy = new GatePolicy(failOn, ignoreStatus == null ? Set.of() : ignoreStatus.set());
        return new GateEvaluator(policy, ignoreRules, new VexMatcher(vex, imageDigest), today).evaluate(findings);
    }

    /** The rules of the ignore file: the one given, else {@code .strataignore.yaml} in {@code workingDir} if any. */
    List<IgnoreRule> ignoreRules(Path workingDir) throws IOException {
        Path file = ignoreFile;
        String name = file == null ? DEFAULT_IGNORE_FILE : file.toString();
        if (file == null) {
            file = workingDir.resolve(DEFAULT_IGNORE_FILE);
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
        }
        return IgnoreFileParser.parse(read(file, "ignore file"), name);
    }

    /** The statements of every {@code --vex} document, numbered in command-line order. */
    List<VexStatement> vexStatements() throws IOException {
        List<VexStatement> all = new ArrayList<>();
        for (Path file : vex == null ? List.<Path>of() : vex) {
            all.addAll(VexParser.parse(read(file, "VEX document"), file.toString(), all.size()));
        }
        return all;
    }

    private static String read(Path file, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(what + " " + file + " is a directory");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(what + " " + file + " is not UTF-8 text", e);
        }
    }

    /** Parses {@code --fail-on}: an unknown severity is a usage error naming it. */
    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return GatePolicy.parseSeverity(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The statuses of one {@code --ignore-status} list. */
    record Statuses(Set<FindingStatus> set) {
    }

    /** Parses {@code --ignore-status}: an unknown status is a usage error naming it. */
    static final class StatusList implements ITypeConverter<Statuses> {
        @Override
        public Statuses convert(String value) {
            try {
                Set<FindingStatus> set = GatePolicy.parseStatuses(value);
                if (set.isEmpty()) {
                    throw new TypeConversionException("empty status list");
                }
                return new Statuses(set);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
