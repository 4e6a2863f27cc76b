package dev.strata.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.scanner.packages.os.OsInfo;

import java.util.List;

/** The image's distribution as the report shows it (os-release fields), and its purl distro qualifier. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OsSummary(String id, String versionId, String versionCodename, String prettyName, List<String> idLike,
                        String distro) {
    public static OsSummary of(OsInfo os) {
        return os == null ? null : new OsSummary(os.id(), os.versionId(), os.versionCodename(), os.prettyName(),
                os.idLike(), os.purlDistro());
    }

    public OsInfo toOsInfo() {
        return new OsInfo(id, versionId, versionCodename, prettyName, idLike);
    }
}
