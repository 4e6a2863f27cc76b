package dev.strata.scanner.vuln.match;

import java.util.Map;
import java.util.Optional;

/** Debian major release numbers and their codenames, for keys the tracker names by codename. */
final class DebianReleases {

    private static final Map<String, String> CODENAMES = Map.of(
            "10", "buster", "11", "bullseye", "12", "bookworm", "13", "trixie", "14", "forky");

    private DebianReleases() {
    }

    static Optional<String> codename(String major) {
        return Optional.ofNullable(CODENAMES.get(major));
    }

    static Optional<String> number(String codename) {
        return CODENAMES.entrySet().stream().filter(e -> e.getValue().equals(codename)).map(Map.Entry::getKey)
                .findFirst();
    }
}
