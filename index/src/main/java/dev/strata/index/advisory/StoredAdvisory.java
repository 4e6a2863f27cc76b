package dev.strata.index.advisory;

import dev.strata.scanner.vuln.feeds.DebianStatus;
import dev.strata.scanner.vuln.osv.OsvAffected;
import dev.strata.scanner.vuln.osv.OsvSeverity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One advisory as stored for one (ecosystem, package name): an OSV record, a Debian tracker entry or an Alpine fix. */
public sealed interface StoredAdvisory permits StoredAdvisory.Osv, StoredAdvisory.Debian, StoredAdvisory.Alpine {

    /** The feed the advisory came from: {@code osv}, {@code debian-tracker} or {@code alpine-secdb}. */
    String source();

    /** The advisory id (OSV id, CVE id, tracker id…). */
    String id();

    /** The ecosystem as OSV names it ({@code Maven}, {@code Debian:12}, {@code Alpine:v3.19}…). */
    String ecosystem();

    /** The package name within the ecosystem. */
    String name();

    /**
     * An OSV record reduced to one package: {@code affectedJson} is the OSV JSON of the {@code affected} entry for
     * this package (re-parsed by {@link #affected()}); {@code published} may be null.
     */
    record Osv(String id, List<String> aliases, String summary, List<OsvSeverity> severity, Instant published,
               Instant modified, String ecosystem, String name, String affectedJson) implements StoredAdvisory {
        public static final String SOURCE = "osv";

        public Osv {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(modified, "modified");
            Objects.requireNonNull(ecosystem, "ecosystem");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(affectedJson, "affectedJson");
            aliases = List.copyOf(aliases);
            severity = List.copyOf(severity);
        }

        @Override
        public String source() {
            return SOURCE;
        }

        /** The stored {@code affected} entry, parsed by the scanner's OSV parser (for {@code AffectedRangeEvaluator}). */
        public OsvAffected affected() {
            return AdvisoryJson.parseAffected(this);
        }
    }

    /**
     * One Debian Security Tracker (source package, issue, release) entry; {@code ecosystem} is {@code Debian:<n>}
     * mapped from {@code release} (see {@link DistroEcosystems}). {@code fixedVersion} is set only for FIXED.
     */
    record Debian(String ecosystem, String sourcePackage, String id, String release, DebianStatus status,
                  String fixedVersion, String urgency, String noDsa, String noDsaReason) implements StoredAdvisory {
        public static final String SOURCE = "debian-tracker";

        public Debian {
            Objects.requireNonNull(ecosystem, "ecosystem");
            Objects.requireNonNull(sourcePackage, "sourcePackage");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public String name() {
            return sourcePackage;
        }
    }

    /** One Alpine secdb fix: {@code fixedVersion} null means the origin package was never affected. */
    record Alpine(String ecosystem, String origin, String id, String fixedVersion) implements StoredAdvisory {
        public static final String SOURCE = "alpine-secdb";

        public Alpine {
            Objects.requireNonNull(ecosystem, "ecosystem");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public String name() {
            return origin;
        }

        /** True when the secdb lists the id under {@code "0"}: never affected. */
        public boolean notAffected() {
            return fixedVersion == null;
        }
    }
}
