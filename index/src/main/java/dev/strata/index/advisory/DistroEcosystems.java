package dev.strata.index.advisory;

import java.util.Map;

/** Maps distro release names to OSV ecosystem names ({@code bookworm} → {@code Debian:12}, {@code v3.19} → {@code Alpine:v3.19}). */
public final class DistroEcosystems {
    private static final Map<String, String> VERSIONS = Map.of(
            "jessie", "8", "stretch", "9", "buster", "10", "bullseye", "11", "bookworm", "12",
            "trixie", "13", "forky", "14", "duke", "15");

    private DistroEcosystems() {
    }

    /**
     * The ecosystem for {@code codename}: {@code Debian:<version>} for numbered releases, else
     * {@code Debian:<codename>} (e.g. {@code Debian:sid}, which has no number and never will).
     */
    public static String ecosystem(String codename) {
        return "Debian:" + VERSIONS.getOrDefault(codename, codename);
    }

    /** The ecosystem for an Alpine secdb {@code distroversion} such as {@code v3.19}. */
    public static String alpineEcosystem(String distroVersion) {
        return "Alpine:" + distroVersion;
    }
}
