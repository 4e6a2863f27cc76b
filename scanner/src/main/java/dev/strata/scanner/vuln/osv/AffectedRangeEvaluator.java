package dev.strata.scanner.vuln.osv;

import dev.strata.scanner.vuln.version.VersionScheme;
import dev.strata.scanner.vuln.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether an installed version is affected by an OSV {@code affected} entry, following the schema's evaluation
 * rules:
 * <ul>
 *   <li>a version listed in {@code versions[]} is affected (exact string equality, as the schema's pseudo-code says:
 *       {@code 1.0} does not match a listed {@code 1.0.0});</li>
 *   <li>each SEMVER range (SemVer ordering) and ECOSYSTEM range (the ordering of {@link VersionSchemes#lookup}) is
 *       walked with its events sorted by version ({@code introduced: "0"} first, {@code limit: "*"} last):
 *       {@code introduced ≤ v} makes it affected, {@code fixed ≤ v} or {@code last_affected < v} unaffected; if the
 *       range has limits other than {@code "*"}, {@code v} must be below one of them;</li>
 *   <li>the entry affects {@code v} if any range or the list does; the fixed version reported is the lowest
 *       {@code fixed} above {@code v} in an affecting range (ranges that name one are preferred).</li>
 * </ul>
 * GIT ranges are skipped: they name commits, which cannot be compared with a package version. An entry whose only
 * ranges are GIT and that lists no {@code versions[]} yields {@link Verdict.Unknown}; with a {@code versions[]} list
 * (osv.dev enumerates the tags of GIT ranges there) a version not in it is {@link Verdict.NotAffected}. A range that
 * cannot be ordered (ecosystem without a scheme, a version the scheme rejects) yields {@link Verdict.Unknown} unless
 * another range or the list says affected. An entry with neither ranges nor versions is {@link Verdict.Unknown}.
 * Thread-safe.
 */
public final class AffectedRangeEvaluator {

    /** True only if {@link #evaluate(String, OsvAffected)} says {@link Verdict.Affected}. */
    public boolean isAffected(String version, OsvAffected affected) {
        return evaluate(version, affected) instanceof Verdict.Affected;
    }

    /** The verdict of one {@code affected} entry for {@code version}, ignoring the entry's package. */
    public Verdict evaluate(String version, OsvAffected affected) {
        Objects.requireNonNull(version, "version");
        VersionSchemes ecosystemScheme = VersionSchemes.lookup(affected.pkg().ecosystem()).orElse(null);
        String unknown = null;
        Verdict.Affected affectedWithoutFix = null;
        boolean evaluableRange = false;
        for (OsvRange range : affected.ranges()) {
            VersionScheme scheme;
            switch (range.type()) {
                case GIT -> {
                    continue;
                }
                case SEMVER -> scheme = VersionSchemes.SEMVER;
                case ECOSYSTEM -> {
                    if (ecosystemScheme == null) {
                        unknown = "no version ordering for ecosystem '" + affected.pkg().ecosystem() + "'";
                        continue;
                    }
                    scheme = ecosystemScheme;
                }
                default -> throw new IllegalStateException("unhandled range type " + range.type());
            }
            evaluableRange = true;
            Verdict verdict = evaluateRange(version, range, scheme);
            if (verdict instanceof Verdict.Affected a) {
                if (a.fixedVersion() != null) {
                    return a;
                }
                affectedWithoutFix = a;
            } else if (verdict instanceof Verdict.Unknown u) {
                unknown = u.reason();
            }
        }
        if (affectedWithoutFix != null || listed(version, affected.versions())) {
            return new Verdict.Affected(null);
        }
        if (unknown != null) {
            return new Verdict.Unknown(unknown);
        }
        if (!evaluableRange && affected.versions().isEmpty()) {
            return new Verdict.Unknown(affected.ranges().isEmpty()
                    ? "entry has neither ranges nor versions"
                    : "only GIT ranges and no versions[] list");
        }
        return Verdict.NOT_AFFECTED;
    }

    /**
     * The verdict of a whole record for one package: NotAffected if the record is withdrawn or names no entry for
     * ({@code ecosystem}, {@code name}) (both compared exactly); else Affected if any matching entry is (preferring one
     * that names a fixed version), Unknown if any is, NotAffected otherwise.
     */
    public Verdict evaluate(OsvRecord record, String ecosystem, String name, String version) {
        Objects.requireNonNull(version, "version");
        if (record.isWithdrawn()) {
            return Verdict.NOT_AFFECTED;
        }
        Verdict.Affected affectedWithoutFix = null;
        Verdict.Unknown unknown = null;
        for (OsvAffected entry : record.affected()) {
            if (!entry.pkg().ecosystem().equals(ecosystem) || !entry.pkg().name().equals(name)) {
                continue;
            }
            Verdict verdict = evaluate(version, entry);
            if (verdict instanceof Verdict.Affected a) {
                if (a.fixedVersion() != null) {
                    return a;
                }
                affectedWithoutFix = a;
            } else if (verdict instanceof Verdict.Unknown u && unknown == null) {
                unknown = u;
            }
        }
        if (affectedWithoutFix != null) {
            return affectedWithoutFix;
        }
        return unknown != null ? unknown : Verdict.NOT_AFFECTED;
    }

    private static Verdict evaluateRange(String version, OsvRange range, VersionScheme scheme) {
        List<RangeEvent> events = new ArrayList<>(range.events());
        try {
            scheme.compare(version, version);
        } catch (IllegalArgumentException e) {
            return new Verdict.Unknown("installed version '" + version + "' cannot be ordered: " + e.getMessage());
        }
        try {
            events.sort(eventOrder(scheme));
            if (!belowLimits(version, events, scheme)) {
                return Verdict.NOT_AFFECTED;
            }
            boolean affected = false;
            for (RangeEvent event : events) {
                if (event instanceof RangeEvent.Introduced i) {
                    if (i.isZero() || scheme.compare(version, i.version()) >= 0) {
                        affected = true;
                    }
                } else if (event instanceof RangeEvent.Fixed f) {
                    if (scheme.compare(version, f.version()) >= 0) {
                        affected = false;
                    }
                } else if (event instanceof RangeEvent.LastAffected l) {
                    if (scheme.compare(version, l.version()) > 0) {
                        affected = false;
                    }
                }
            }
            if (!affected) {
                return Verdict.NOT_AFFECTED;
            }
            for (RangeEvent event : events) {
                if (event instanceof RangeEvent.Fixed f && scheme.compare(f.version(), version) > 0) {
                    return new Verdict.Affected(f.version());
                }
            }
            return new Verdict.Affected(null);
        } catch (IllegalArgumentException e) {
            return new Verdict.Unknown("range event cannot be ordered: " + e.getMessage());
        }
    }

    private static boolean belowLimits(String version, List<RangeEvent> events, VersionScheme scheme) {
        boolean bounded = false;
        for (RangeEvent event : events) {
            if (event instanceof RangeEvent.Limit limit) {
                if (limit.isUnbounded() || scheme.compare(version, limit.version()) < 0) {
                    return true;
                }
                bounded = true;
            }
        }
        return !bounded;
    }

    /** Orders events by version; {@code introduced "0"} before all, {@code limit "*"} after all; the list sort is stable for ties. */
    private static Comparator<RangeEvent> eventOrder(VersionScheme scheme) {
        return (a, b) -> {
            int ra = rank(a);
            int rb = rank(b);
            if (ra != 0 || rb != 0) {
                return Integer.compare(ra, rb);
            }
            return scheme.compare(a.version(), b.version());
        };
    }

    private static int rank(RangeEvent event) {
        if (event instanceof RangeEvent.Introduced i && i.isZero()) {
            return -1;
        }
        if (event instanceof RangeEvent.Limit l && l.isUnbounded()) {
            return 1;
        }
        return 0;
    }

    private static boolean listed(String version, List<String> versions) {
        return versions.contains(version);
    }
}
