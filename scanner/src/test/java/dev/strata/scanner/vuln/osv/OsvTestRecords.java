package dev.strata.scanner.vuln.osv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the real advisories in the test resources and builds synthetic model pieces. */
final class OsvTestRecords {

    private OsvTestRecords() {
    }

    static byte[] resource(String name) {
        try (InputStream in = OsvTestRecords.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OsvRecord real(String id) throws OsvFormatException {
        return new OsvParser().parse(resource(id + ".json"), id + ".json");
    }

    static OsvAffected entry(String ecosystem, String name, List<String> versions, OsvRange... ranges) {
        return new OsvAffected(new OsvPackage(ecosystem, name, null), List.of(), List.of(ranges), versions, null, null);
    }

    static OsvAffected entry(String ecosystem, OsvRange... ranges) {
        return entry(ecosystem, "pkg", List.of(), ranges);
    }

    static OsvRange ecosystem(RangeEvent... events) {
        return new OsvRange(OsvRange.Type.ECOSYSTEM, null, List.of(events));
    }

    static OsvRange semver(RangeEvent... events) {
        return new OsvRange(OsvRange.Type.SEMVER, null, List.of(events));
    }

    static OsvRange git(RangeEvent... events) {
        return new OsvRange(OsvRange.Type.GIT, "https://example.invalid/repo.git", List.of(events));
    }

    static RangeEvent introduced(String v) {
        return new RangeEvent.Introduced(v);
    }

    static RangeEvent fixed(String v) {
        return new RangeEvent.Fixed(v);
    }

    static RangeEvent lastAffected(String v) {
        return new RangeEvent.LastAffected(v);
    }

    static RangeEvent limit(String v) {
        return new RangeEvent.Limit(v);
    }
}
