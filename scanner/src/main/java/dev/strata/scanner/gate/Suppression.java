package dev.strata.scanner.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.LocalDate;

/** Why a finding does not count although it matched: an ignore-file entry or a VEX statement. */
public sealed interface Suppression {

    /** {@code ignore} or {@code vex}. */
    @JsonProperty("kind")
    String kind();

    /** Where the rule is: {@code FILE:LINE} for an ignore entry, the VEX document for a statement. */
    String source();

    /** Human-readable reason: the ignore entry's {@code reason}, or the VEX status and justification. */
    String reason();

    /** Suppressed by the ignore-file entry {@code rule}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ByIgnoreRule(String source, String id, String reason,
                        @JsonSerialize(using = ToStringSerializer.class) LocalDate expires) implements Suppression {
        @Override
        public String kind() {
            return "ignore";
        }

        static ByIgnoreRule of(IgnoreRule rule) {
            return new ByIgnoreRule(rule.location(), rule.id(), rule.reason(), rule.expires());
        }
    }

    /**
     * Suppressed by a VEX statement with {@code status} ({@code not_affected} or {@code fixed}), its
     * {@code justification} label and {@code impactStatement} (both may be null).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ByVex(String source, String vulnerability, String status, String justification, String impactStatement)
            implements Suppression {
        @Override
        public String kind() {
            return "vex";
        }

        @Override
        public String reason() {
            StringBuilder text = new StringBuilder("VEX ").append(status);
            if (justification != null) {
                text.append(": ").append(justification);
            }
            if (impactStatement != null) {
                text.append(justification != null ? " (" : ": ").append(impactStatement)
                        .append(justification != null ? ")" : "");
            }
            return text.toString();
        }
    }
}
