package dev.strata.scanner.vuln.feeds;

import dev.strata.scanner.vuln.version.ApkVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides, per secdb id, whether an installed Alpine origin package version carries the fix.
 *
 * <p>secdb only lists fixes, so an id is {@link State#AFFECTED} when the installed version is below its fixed
 * version (apk ordering), {@link State#FIXED} when it is at or above it, and {@link State#NOT_AFFECTED} when it is
 * listed under {@code "0"} (which wins over any version). When one id is listed under several versions the lowest
 * one counts, as the first release that carried the fix. Ids absent from secdb are unknown to it and not reported.
 */
public final class AlpineMatch {

    /** The classification of one id against one installed version. */
    public enum State {
        /** Installed version is below the fixed version. */
        AFFECTED,
        /** Installed version is at or above the fixed version. */
        FIXED,
        /** Listed under {@code "0"}: the package was never affected. */
        NOT_AFFECTED
    }

    /** One id's verdict; {@code fixedVersion} is null only for {@link State#NOT_AFFECTED}. */
    public record Verdict(String id, State state, String fixedVersion) {
    }

    private AlpineMatch() {
    }

    /**
     * Classifies every id secdb lists for {@code origin} in {@code distroVersion} (e.g. {@code v3.19}), sorted by id.
     * Fixes for other origins or distro versions are skipped.
     */
    public static List<Verdict> match(String distroVersion, String origin, String installedVersion,
            Collection<AlpineFix> fixes) {
        Objects.requireNonNull(distroVersion, "distroVersion");
        Objects.requireNonNull(origin, "origin");
        ApkVersion installed = ApkVersion.parse(installedVersion);
        Map<String, AlpineFix> byId = new TreeMap<>();
        for (AlpineFix f : fixes) {
            if (f.origin().equals(origin) && f.distroVersion().equals(distroVersion)) {
                byId.merge(f.id(), f, AlpineMatch::decisive);
            }
        }
        List<Verdict> out = new ArrayList<>();
        for (AlpineFix f : byId.values()) {
            if (f.notAffected()) {
                out.add(new Verdict(f.id(), State.NOT_AFFECTED, null));
            } else {
                State s = installed.compareTo(ApkVersion.parse(f.fixedVersion())) < 0 ? State.AFFECTED : State.FIXED;
                out.add(new Verdict(f.id(), s, f.fixedVersion()));
            }
        }
        return out;
    }

    /** Of two listings of one id: {@code "0"} wins, else the lower fixed version. */
    private static AlpineFix decisive(AlpineFix a, AlpineFix b) {
        if (a.notAffected() || b.notAffected()) {
            return a.notAffected() ? a : b;
        }
        return ApkVersion.compare(a.fixedVersion(), b.fixedVersion()) <= 0 ? a : b;
    }
}
