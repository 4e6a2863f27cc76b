package dev.strata.scanner.packages.os;

import java.util.List;
import java.util.Objects;

/**
 * The distribution of an image: os-release {@code ID}, {@code VERSION_ID}, {@code VERSION_CODENAME},
 * {@code PRETTY_NAME} and {@code ID_LIKE}. All but {@code id} may be null; {@code idLike} may be empty.
 */
public record OsInfo(String id, String versionId, String versionCodename, String prettyName, List<String> idLike) {

    public OsInfo {
        Objects.requireNonNull(id, "id");
        idLike = idLike == null ? List.of() : List.copyOf(idLike);
    }

    /**
     * The purl {@code distro} qualifier: {@code debian-12}, {@code alpine-3.19} (Alpine keeps major.minor only),
     * {@code ubuntu-22.04}; {@code <id>-<codename>} when there is no version (Debian testing); {@code <id>} alone
     * when neither is known.
     */
    public String purlDistro() {
        if (versionId != null && !versionId.isEmpty()) {
            String v = versionId;
            if (id.equals("alpine")) {
                v = majorMinor(v);
            }
            return id + "-" + v;
        }
        if (versionCodename != null && !versionCodename.isEmpty()) {
            return id + "-" + versionCodename;
        }
        return id;
    }

    /** Whether this is {@code id} or declares it in ID_LIKE (e.g. Ubuntu is like debian). */
    public boolean isLike(String otherId) {
        return id.equals(otherId) || idLike.contains(otherId);
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        if (parts.length >= 2) {
            String minor = parts[1].replaceAll("[^0-9].*$", "");
            return parts[0] + "." + minor;
        }
        return version;
    }
}
