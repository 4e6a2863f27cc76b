package dev.strata.scanner.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.scanner.vuln.match.Severity;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The gate's outcome: {@code threshold} (null when no {@code --fail-on} was given), the counting findings at or
 * above it per severity ({@code failing}), how many counted below it, and how many were suppressed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateVerdict(Severity threshold, Map<Severity, Long> failing, long below, long suppressed,
                          long expiredIgnores) {

    /** Exit code of a passing gate. */
    public static final int EXIT_PASS = 0;
    /** Exit code of a failing gate; never used for errors. */
    public static final int EXIT_FAIL = 1;

    public GateVerdict {
        Map<Severity, Long> copy = new EnumMap<>(Severity.class);
        failing.forEach((s, n) -> {
            if (n > 0) {
                copy.put(s, n);
            }
        });
        failing = Map.copyOf(copy);
    }

    /** Whether the gate failed: some counting finding is at or above the threshold. */
    @JsonProperty("failed")
    public boolean failed() {
        return failing.values().stream().anyMatch(n -> n > 0);
    }

    /** {@code 1} when failed, else {@code 0}. */
    public int exitCode() {
        return failed() ? EXIT_FAIL : EXIT_PASS;
    }

    /**
     * The one-line verdict: {@code FAIL: 3 CRITICAL, 5 HIGH at or above HIGH}, or {@code PASS: no findings at or
     * above HIGH}, each followed by what was below the threshold, suppressed or expired when there is any.
     */
    public String line() {
        String level = threshold == null ? null : threshold.name();
        StringBuilder out = new StringBuilder();
        if (failed()) {
            StringJoiner counts = new StringJoiner(", ");
            for (Severity s : Severity.values()) {
                long n = failing.getOrDefault(s, 0L);
                if (n > 0) {
                    counts.add(n + " " + s.name());
                }
            }
            out.append("FAIL: ").append(counts).append(" at or above ").append(level);
        } else if (threshold == null) {
            out.append("PASS: no threshold set (--fail-on)");
        } else {
            out.append("PASS: no findings at or above ").append(level);
        }
        StringJoiner notes = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (threshold != null && below > 0) {
            notes.add(below + " below " + level.toLowerCase(Locale.ROOT));
        }
        if (suppressed > 0) {
            notes.add(suppressed + " suppressed");
        }
        if (expiredIgnores > 0) {
            notes.add(expiredIgnores + " expired ignore " + (expiredIgnores == 1 ? "entry" : "entries"));
        }
        return out.append(notes).toString();
    }
}
