package dev.strata.index.advisory;

import java.util.ArrayList;
import java.util.List;

/** Mutable counters for one source during one import. */
final class ImportStats {
    final List<String> files = new ArrayList<>();
    final List<String> malformedNames = new ArrayList<>();
    long withdrawn;
    long malformed;

    void malformed(String name) {
        malformed++;
        if (malformedNames.size() < SourceStatus.MAX_NAMES) {
            malformedNames.add(name);
        }
    }
}
