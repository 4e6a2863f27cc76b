package dev.strata.scanner.vuln.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.vuln.osv.OsvSeverity;
import us.springett.cvss.Cvss;

import java.util.List;
import java.util.Locale;

/**
 * Rates advisories: OSV records by the highest CVSS v3/v3.1 base score among their {@code CVSS_V3} vectors; without one
 * (only CVSS v4 or v2 vectors, or none) by the {@code database_specific.severity} word GHSA records carry
 * ({@code MODERATE} counts as medium); Debian entries by their urgency. Anything else is {@link Severity#UNKNOWN}.
 * Thread-safe.
 */
public final class SeverityRater {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Base scores by vector: real feeds repeat a few thousand vectors across hundreds of thousands of records. */
    private static final int MAX_CACHED = 10_000;
    private static final java.util.Map<String, Double> SCORES = new java.util.concurrent.ConcurrentHashMap<>();

    private SeverityRater() {
    }

    /** The severity of an OSV record from its (record and matching-entry) severities and raw database_specific JSON. */
    public static Severity ofOsv(List<OsvSeverity> severities, String databaseSpecific) {
        double best = -1;
        for (OsvSeverity s : severities) {
            if ("CVSS_V3".equals(s.type())) {
                best = Math.max(best, baseScore(s.score()));
            }
        }
        if (best > 0) {
            return Severity.ofScore(best);
        }
        return ofWord(databaseSeverity(databaseSpecific));
    }

    /** Debian urgency: {@code high}, {@code medium}, {@code low}/{@code unimportant}; others (e.g. {@code not yet assigned}) unknown. */
    public static Severity ofDebianUrgency(String urgency) {
        if (urgency == null) {
            return Severity.UNKNOWN;
        }
        return switch (urgency.replace("*", "").strip().toLowerCase(Locale.ROOT)) {
            case "high" -> Severity.HIGH;
            case "medium" -> Severity.MEDIUM;
            case "low", "unimportant" -> Severity.LOW;
            default -> Severity.UNKNOWN;
        };
    }

    /** The CVSS v3.x base score of a vector, or -1 when the calculator rejects it (memoised). */
    static double baseScore(String vector) {
        Double known = SCORES.get(vector);
        if (known != null) {
            return known;
        }
        double score = computeBaseScore(vector);
        if (SCORES.size() < MAX_CACHED) {
            SCORES.put(vector, score);
        }
        return score;
    }

    private static double computeBaseScore(String vector) {
        try {
            Cvss cvss = Cvss.fromVector(vector);
            return cvss == null ? -1 : cvss.calculateScore().getBaseScore();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String databaseSeverity(String databaseSpecific) {
        if (databaseSpecific == null) {
            return null;
        }
        try {
            JsonNode severity = MAPPER.readTree(databaseSpecific).get("severity");
            return severity != null && severity.isTextual() ? severity.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Severity ofWord(String word) {
        if (word == null) {
            return Severity.UNKNOWN;
        }
        return switch (word.strip().toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Severity.CRITICAL;
            case "HIGH" -> Severity.HIGH;
            case "MODERATE", "MEDIUM" -> Severity.MEDIUM;
            case "LOW" -> Severity.LOW;
            default -> Severity.UNKNOWN;
        };
    }
}
