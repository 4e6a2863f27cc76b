package dev.strata.scanner.packages.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which package (by purl) owns a file path; the first owner registered for a path wins. */
final class OwnershipIndex {
    private final Map<String, String> ownerByPath = new HashMap<>();

    void add(String ownerPurl, List<String> paths) {
        for (String path : paths) {
            ownerByPath.putIfAbsent(path, ownerPurl);
        }
    }

    Optional<String> owner(String path) {
        return Optional.ofNullable(ownerByPath.get(path));
    }
}
