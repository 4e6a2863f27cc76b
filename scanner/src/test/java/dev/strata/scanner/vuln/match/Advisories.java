package dev.strata.scanner.vuln.match;

import dev.strata.scanner.vuln.feeds.AlpineSecdbParser;
import dev.strata.scanner.vuln.feeds.DebianTrackerParser;
import dev.strata.scanner.vuln.osv.OsvParser;
import dev.strata.scanner.vuln.osv.OsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the real OSV records and feed excerpts kept under the osv and feeds test resources. */
final class Advisories {

    static final String OSV = "/dev/strata/scanner/vuln/osv/";
    static final String FEEDS = "/dev/strata/scanner/vuln/feeds/";

    private Advisories() {
    }

    static OsvRecord osv(String id) {
        try (InputStream in = open(OSV + id + ".json")) {
            return new OsvParser().parse(in, id + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The four GHSA records, the Debian tracker excerpt and rule cases, and the Alpine v3.19 secdb excerpt. */
    static InMemoryAdvisorySource all() {
        InMemoryAdvisorySource source = new InMemoryAdvisorySource();
        for (String id : new String[] {"GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33", "GHSA-p6mc-m468-83gw",
                "GHSA-35jh-r3h4-6jhm", "DSA-3029-1"}) {
            source.addOsv(osv(id));
        }
        try (InputStream debian = open(FEEDS + "debian-tracker-excerpt.json");
             InputStream rules = open(FEEDS + "debian-tracker-rules.json");
             InputStream alpine = open(FEEDS + "alpine-secdb-v3.19-main-excerpt.json")) {
            new DebianTrackerParser().parse(debian, a -> source.addDebian(a));
            new DebianTrackerParser().parse(rules, a -> source.addDebian(a));
            new AlpineSecdbParser().parse(alpine, f -> source.addAlpine(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return source;
    }

    private static InputStream open(String resource) {
        InputStream in = Advisories.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return in;
    }
}
