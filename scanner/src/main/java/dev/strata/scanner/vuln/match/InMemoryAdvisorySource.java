package dev.strata.scanner.vuln.match;

import dev.strata.scanner.vuln.feeds.AlpineFix;
import dev.strata.scanner.vuln.feeds.DebianAdvisory;
import dev.strata.scanner.vuln.osv.OsvAffected;
import dev.strata.scanner.vuln.osv.OsvRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link AdvisorySource} held in memory, for tests and small feeds. OSV records are stored under each
 * (ecosystem, name) of their {@code affected} entries, Debian entries under {@code Debian:<number>} of their release
 * codename (skipped when the codename is unknown), Alpine fixes under {@code Alpine:<distroversion>}. Lookups return
 * advisories in insertion order. Thread-safe.
 */
public final class InMemoryAdvisorySource implements AdvisorySource {

    private final Map<String, Set<Advisory>> byKey = new ConcurrentHashMap<>();

    /** Stores an OSV record under every package it names. */
    public InMemoryAdvisorySource addOsv(OsvRecord record) {
        Advisory advisory = new Advisory.OsvAdvisory(record);
        for (OsvAffected affected : record.affected()) {
            put(affected.pkg().ecosystem(), affected.pkg().name(), advisory);
        }
        return this;
    }

    /** Stores a Debian tracker entry under its release's {@code Debian:<number>} and source package. */
    public InMemoryAdvisorySource addDebian(DebianAdvisory advisory) {
        DebianReleases.number(advisory.release()).ifPresent(n ->
                put("Debian:" + n, advisory.sourcePackage(), new Advisory.DebianAdvisoryRecord(advisory)));
        return this;
    }

    /** Stores an Alpine secdb fix under {@code Alpine:<distroversion>} and its origin. */
    public InMemoryAdvisorySource addAlpine(AlpineFix fix) {
        put("Alpine:" + fix.distroVersion(), fix.origin(), new Advisory.AlpineAdvisoryRecord(fix));
        return this;
    }

    @Override
    public List<Advisory> lookup(String ecosystem, String name) {
        Set<Advisory> found = byKey.get(key(ecosystem, name));
        if (found == null) {
            return List.of();
        }
        synchronized (found) {
            return List.copyOf(new ArrayList<>(found));
        }
    }

    private void put(String ecosystem, String name, Advisory advisory) {
        Set<Advisory> set = byKey.computeIfAbsent(key(ecosystem, name), k -> new LinkedHashSet<>());
        synchronized (set) {
            set.add(advisory);
        }
    }

    private static String key(String ecosystem, String name) {
        return ecosystem + '\u0000' + name;
    }
}
