package dev.strata.scanner.vuln.match;

import dev.strata.scanner.vuln.feeds.AlpineFix;
import dev.strata.scanner.vuln.feeds.DebianAdvisory;
import dev.strata.scanner.vuln.osv.OsvRecord;

import java.util.Objects;

/** One advisory an {@link AdvisorySource} returns: an OSV record, a Debian tracker entry or an Alpine secdb fix. */
public sealed interface Advisory {

    /** An OSV record (GHSA, DSA, Go…), evaluated with its {@code affected} ranges. */
    record OsvAdvisory(OsvRecord record) implements Advisory {
        public OsvAdvisory {
            Objects.requireNonNull(record, "record");
        }
    }

    /** One Debian Security Tracker (source package, issue, release) entry. */
    record DebianAdvisoryRecord(DebianAdvisory advisory) implements Advisory {
        public DebianAdvisoryRecord {
            Objects.requireNonNull(advisory, "advisory");
        }
    }

    /** One Alpine secdb (origin, fixed version, id) entry. */
    record AlpineAdvisoryRecord(AlpineFix fix) implements Advisory {
        public AlpineAdvisoryRecord {
            Objects.requireNonNull(fix, "fix");
        }
    }
}
