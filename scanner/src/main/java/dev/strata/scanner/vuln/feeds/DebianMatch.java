package dev.strata.scanner.vuln.feeds;

import dev.strata.scanner.vuln.version.DpkgVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Decides, per tracker advisory, whether an installed Debian source package version is affected.
 *
 * <p>Rules: {@link DebianStatus#NOT_AFFECTED} ({@code fixed_version "0"}) ⇒ not affected; {@link DebianStatus#FIXED}
 * ⇒ affected (fixed in that version) when installed &lt; fixed by dpkg ordering, else not affected;
 * {@link DebianStatus#UNDETERMINED} ⇒ undetermined; {@link DebianStatus#OPEN} ⇒ by the tracker's no-DSA marks:
 * <ul>
 *   <li>{@code nodsa_reason "ignored"} (tracker tag {@code <ignored>}) ⇒ {@link State#WONT_FIX};</li>
 *   <li>{@code nodsa_reason "postponed"} ({@code <postponed>}) or {@code next_point_update} ⇒
 *       {@link State#FIX_DEFERRED};</li>
 *   <li>{@code nodsa} present with an empty or absent reason (tag {@code <no-dsa>}, no advisory will be issued; a fix
 *       may only arrive with a point release) ⇒ {@link State#WONT_FIX};</li>
 *   <li>otherwise ⇒ {@link State#AFFECTED_UNFIXED}.</li>
 * </ul>
 * An unknown non-empty {@code nodsa_reason} counts as {@link State#WONT_FIX} too.
 */
public final class DebianMatch {

    /** The classification of one advisory against one installed version. */
    public enum State {
        /** Affected, and no fixed version exists in the release. */
        AFFECTED_UNFIXED,
        /** Affected; upgrading to {@link Verdict#fixedVersion} fixes it. */
        AFFECTED_FIXED_IN,
        /** Affected, and the tracker says the release will not get a security fix. */
        WONT_FIX,
        /** Affected; the fix is postponed to a later (point) update. */
        FIX_DEFERRED,
        /** The tracker has not decided whether the release is affected. */
        UNDETERMINED,
        /** Not affected: the installed version carries the fix, or the release never was affected. */
        NOT_AFFECTED
    }

    /** One advisory's verdict; {@code fixedVersion} is set only for {@link State#AFFECTED_FIXED_IN}. */
    public record Verdict(DebianAdvisory advisory, State state, String fixedVersion) {

        /** The issue id of the advisory. */
        public String id() {
            return advisory.id();
        }

        /** True for every state in which the installed package is (or may be) vulnerable. */
        public boolean affected() {
            return state != State.NOT_AFFECTED;
        }
    }

    private DebianMatch() {
    }

    /**
     * Classifies each advisory of {@code sourcePackage} in {@code advisories} (those for other source packages are
     * skipped; pass only the installed release's advisories).
     */
    public static List<Verdict> match(String sourcePackage, String installedVersion,
            Collection<DebianAdvisory> advisories) {
        Objects.requireNonNull(sourcePackage, "sourcePackage");
        DpkgVersion installed = DpkgVersion.parse(installedVersion);
        List<Verdict> out = new ArrayList<>();
        for (DebianAdvisory a : advisories) {
            if (a.sourcePackage().equals(sourcePackage)) {
                out.add(classify(installed, a));
            }
        }
        return out;
    }

    /** Like {@link #match(String, String, Collection)}, keeping only advisories of {@code release} (e.g. {@code bookworm}). */
    public static List<Verdict> match(String release, String sourcePackage, String installedVersion,
            Collection<DebianAdvisory> advisories) {
        Objects.requireNonNull(release, "release");
        return match(sourcePackage, installedVersion,
                advisories.stream().filter(a -> a.release().equals(release)).toList());
    }

    /** Classifies one advisory against an installed dpkg version. */
    public static Verdict classify(String installedVersion, DebianAdvisory advisory) {
        return classify(DpkgVersion.parse(installedVersion), advisory);
    }

    private static Verdict classify(DpkgVersion installed, DebianAdvisory a) {
        return switch (a.status()) {
            case NOT_AFFECTED -> new Verdict(a, State.NOT_AFFECTED, null);
            case UNDETERMINED -> new Verdict(a, State.UNDETERMINED, null);
            case FIXED -> installed.compareTo(DpkgVersion.parse(a.fixedVersion())) < 0
                    ? new Verdict(a, State.AFFECTED_FIXED_IN, a.fixedVersion())
                    : new Verdict(a, State.NOT_AFFECTED, null);
            case OPEN -> new Verdict(a, openState(a), null);
        };
    }

    /** The state of an open issue from its no-DSA marks (see the class comment). */
    static State openState(DebianAdvisory a) {
        String reason = a.noDsaReason() == null ? "" : a.noDsaReason().strip();
        if (reason.equals("postponed") || a.nextPointUpdate()) {
            return State.FIX_DEFERRED;
        }
        if (!reason.isEmpty() || a.noDsa() != null) {
            return State.WONT_FIX;
        }
        return State.AFFECTED_UNFIXED;
    }
}
