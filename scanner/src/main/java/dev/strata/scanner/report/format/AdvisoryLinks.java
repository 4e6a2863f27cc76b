package dev.strata.scanner.report.format;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where an advisory id is documented: NVD for CVEs, the GitHub Advisory Database for GHSAs, else OSV. */
public final class AdvisoryLinks {

    private AdvisoryLinks() {
    }

    /** The advisory's public page. */
    public static String url(String id) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
        if (id.startsWith("CVE-")) {
            return "https://nvd.nist.gov/vuln/detail/" + encoded;
        }
        if (id.startsWith("GHSA-")) {
            return "https://github.com/advisories/" + encoded;
        }
        return "https://osv.dev/vulnerability/" + encoded;
    }

    /** The name of the database {@link #url} points to. */
    public static String source(String id) {
        if (id.startsWith("CVE-")) {
            return "NVD";
        }
        return id.startsWith("GHSA-") ? "GitHub Advisory Database" : "OSV";
    }
}
