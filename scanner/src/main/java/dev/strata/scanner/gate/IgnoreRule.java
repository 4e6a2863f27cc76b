package dev.strata.scanner.gate;

import com.github.packageurl.PackageURL;
import dev.strata.scanner.vuln.match.Finding;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an ignore file: it covers findings of advisory {@code id} (the finding's id or one of its aliases),
 * narrowed to packages covered by {@code purl} and/or named like {@code packageName}, and to {@code paths} (any of
 * them matching the finding's path) when given. It suppresses through its {@code expires} day (null: forever).
 * {@code file} and {@code line} say where it was written.
 */
public record IgnoreRule(String id, String purl, String packageName, List<String> paths, String reason,
                         LocalDate expires, String file, int line) {

    public IgnoreRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        paths = paths == null ? List.of() : List.copyOf(paths);
        if (purl != null) {
            PurlMatch.parse(purl);
        }
    }

    /** {@code FILE:LINE}, for messages and the report. */
    public String location() {
        return file + ":" + line;
    }

    /** Whether the entry stopped suppressing: {@code today} is after its {@code expires} day. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** Whether the entry covers {@code finding}, regardless of expiry. */
    public boolean covers(Finding finding) {
        if (!id.equalsIgnoreCase(finding.id()) && finding.aliases().stream().noneMatch(id::equalsIgnoreCase)) {
            return false;
        }
        if (purl != null) {
            PackageURL rule = PurlMatch.parse(purl);
            if (!PurlMatch.covers(rule, finding.packagePurl())) {
                return false;
            }
        }
        if (packageName != null && !Glob.of(packageName).matches(finding.packageName())) {
            return false;
        }
        return paths.isEmpty() || paths.stream().map(Glob::of).anyMatch(g -> g.matches(finding.path()));
    }
}
