package dev.strata.scanner.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX license and exception identifiers, read from the {@code enum} of {@code spdx.schema.json} that
 * cyclonedx-core-java bundles (the list CycloneDX itself validates {@code license.id} against).
 */
final class SpdxLicenseList {

    private static final String RESOURCE = "/spdx.schema.json";
    private static final Map<String, String> BY_LOWER_CASE = load();

    private SpdxLicenseList() {
    }

    /** The identifier in its listed spelling, matched case-insensitively as the SPDX spec asks. */
    static Optional<String> canonical(String id) {
        return Optional.ofNullable(BY_LOWER_CASE.get(id.toLowerCase(Locale.ROOT)));
    }

    /** Number of identifiers known. */
    static int size() {
        return BY_LOWER_CASE.size();
    }

    private static Map<String, String> load() {
        try (InputStream in = SpdxLicenseList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath (cyclonedx-core-java)");
            }
            JsonNode ids = new ObjectMapper().readTree(in).path("enum");
            Map<String, String> map = new HashMap<>();
            ids.forEach(n -> map.put(n.asText().toLowerCase(Locale.ROOT), n.asText()));
            if (map.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " has no license ids");
            }
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
