package dev.strata.scanner.packages.os;

import dev.strata.scanner.packages.ParseWarning;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The key/value pairs of an os-release file, plus warnings for lines that could not be read. */
public record OsRelease(Map<String, String> values, List<ParseWarning> warnings) {

    public OsRelease {
        values = Map.copyOf(values);
        warnings = List.copyOf(warnings);
    }

    /** The value of a key; empty when absent. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The distribution, if the file has an {@code ID}. The os-release default {@code ID=linux} is not assumed. */
    public Optional<OsInfo> osInfo() {
        String id = values.get("ID");
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String like = values.get("ID_LIKE");
        List<String> idLike = like == null || like.isBlank()
                ? List.of()
                : Arrays.stream(like.strip().split("\\s+")).toList();
        return Optional.of(new OsInfo(id, values.get("VERSION_ID"), values.get("VERSION_CODENAME"),
                values.get("PRETTY_NAME"), idLike));
    }
}
