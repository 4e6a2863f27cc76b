package dev.strata.scanner.vuln.match;

import dev.strata.scanner.vuln.feeds.AlpineFix;
import dev.strata.scanner.vuln.feeds.DebianAdvisory;
import dev.strata.scanner.vuln.osv.OsvRecord;

import java.util.Objects;

/** One advisory an {@link AdvisorySource} returns: an OSV record, a Debian tracker entry or an Alpine secdb fix. */
public sealed interface Advisory {

    /** The advisory id: the OSV id, or the tracker/secdb issue id (a CVE id, {@code TEMP-…}, {@code XSA-…}). */
    String id();

    /** An OSV record (GHSA, DSA, Go…), evaluated with its {@code affected} ranges. */
    record OsvAdvisory(OsvRecord record) implements Advisory {
        public OsvAdvisory {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public String id() {
            return record.id();
        }
    }

    /** One Debian Security Tracker (source package, issue, release) entry. */
    record DebianAdvisoryRecord(DebianAdvisory advisory) implements Advisory {
        public DebianAdvisoryRecord {
            Objects.requireNonNull(advisory, "advisory");
        }

        @Override
        public String id() {
            return advisory.id();
        }
    }

    /** One Alpine secdb (origin, fixed version, id) entry. */
    record AlpineAdvisoryRecord(AlpineFix fix) implements Advisory {
        public AlpineAdvisoryRecord {
            Objects.requireNonNull(fix, "fix");
        }

        @Override
        public String id() {
            return fix.id();
        }
    }
}
