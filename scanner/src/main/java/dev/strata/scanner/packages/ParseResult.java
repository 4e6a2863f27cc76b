package dev.strata.scanner.packages;

import java.util.List;

/** Items parsed from one input plus the warnings for the parts that were skipped. */
public record ParseResult<T>(List<T> items, List<ParseWarning> warnings) {

    public ParseResult {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
