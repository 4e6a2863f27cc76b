package dev.strata.scanner.vuln.feeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.vuln.version.DpkgVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams the Debian Security Tracker JSON ({@code security-tracker.debian.org/tracker/data/json}) into
 * {@link DebianAdvisory} records, one (package, issue, release) at a time.
 *
 * <p>Only one issue entry is held in memory at a time, so the ~80 MB file never becomes a tree. A malformed entry
 * (wrong types, missing {@code releases}, unknown status, unparsable fixed version…) is reported as a
 * {@link FeedWarning} and skipped: a bad release skips only that release, a bad entry skips the whole entry. Input
 * that is not JSON or ends early raises {@link FeedParseException} naming the line/column and the package and entry
 * being read.
 */
public final class DebianTrackerParser {

    /** Receives the parsed records and the warnings about skipped entries. */
    public interface Listener {
        /** One advisory for one release. */
        void advisory(DebianAdvisory advisory);

        /** A skipped malformed entry; ignored by default. */
        default void warning(FeedWarning warning) {
        }
    }

    /** How many records and warnings a parse delivered. */
    public record Summary(long advisories, long warnings) {
    }

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> releases;

    /** A parser delivering every release. */
    public DebianTrackerParser() {
        this(Set.of());
    }

    /** A parser delivering only the given release codenames (all when empty). */
    public DebianTrackerParser(Set<String> releases) {
        this.releases = Set.copyOf(releases);
    }

    /** Parses the whole stream (not closed), delivering records to {@code listener} as they are read. */
    public Summary parse(InputStream in, Listener listener) throws IOException {
        Run run = new Run(listener);
        try (JsonParser p = MAPPER.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedParseException("Debian tracker JSON does not start with an object at line 1", null);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                run.pkg = p.currentName();
                run.id = null;
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    run.warn("*", "package value is not an object");
                    p.skipChildren();
                    continue;
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    run.id = p.currentName();
                    p.nextToken();
                    JsonNode entry = p.readValueAsTree();
                    if (entry == null) {
                        throw truncated(p, run);
                    }
                    run.entry(entry);
                    run.id = null;
                }
                if (t != JsonToken.END_OBJECT) {
                    throw truncated(p, run);
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw truncated(p, run);
            }
        } catch (JsonProcessingException e) {
            throw new FeedParseException("Debian tracker JSON broken at " + JsonFields.where(e) + run.place()
                    + ": " + e.getOriginalMessage(), e);
        }
        return new Summary(run.advisories, run.warnings);
    }

    private static FeedParseException truncated(JsonParser p, Run run) {
        var loc = p.currentLocation();
        return new FeedParseException("Debian tracker JSON ends early at line " + loc.getLineNr() + ", column "
                + loc.getColumnNr() + run.place(), null);
    }

    /** The state of one parse: where it is and what it delivered. */
    private final class Run {
        private final Listener listener;
        private String pkg;
        private String id;
        private long advisories;
        private long warnings;

        Run(Listener listener) {
            this.listener = listener;
        }

        String place() {
            if (pkg == null) {
                return "";
            }
            return ", in package '" + pkg + "'" + (id == null ? "" : ", entry '" + id + "'");
        }

        void warn(String entry, String message) {
            warnings++;
            listener.warning(new FeedWarning(pkg, entry, message));
        }

        void entry(JsonNode entry) {
            try {
                if (pkg.isBlank() || id.isBlank()) {
                    throw new Malformed("empty package name or issue id");
                }
                if (!entry.isObject()) {
                    throw new Malformed("entry is not an object");
                }
                JsonNode rels = entry.get("releases");
                if (rels == null || !rels.isObject()) {
                    throw new Malformed("no 'releases' object");
                }
                String description = JsonFields.text(entry, "description");
                String scope = JsonFields.text(entry, "scope");
                Long bug = bug(entry.get("debianbug"));
                for (Iterator<Map.Entry<String, JsonNode>> it = rels.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> rel = it.next();
                    if (!releases.isEmpty() && !releases.contains(rel.getKey())) {
                        continue;
                    }
                    try {
                        DebianAdvisory a = release(description, scope, bug, rel.getKey(), rel.getValue());
                        advisories++;
                        listener.advisory(a);
                    } catch (Malformed m) {
                        warn(id, "release '" + rel.getKey() + "': " + m.getMessage());
                    }
                }
            } catch (Malformed m) {
                warn(id, m.getMessage());
            }
        }

        private DebianAdvisory release(String description, String scope, Long bug, String codename, JsonNode r)
                throws Malformed {
            if (codename.isBlank()) {
                throw new Malformed("empty release codename");
            }
            if (!r.isObject()) {
                throw new Malformed("not an object");
            }
            String status = JsonFields.text(r, "status");
            String fixed = JsonFields.text(r, "fixed_version");
            DebianStatus s = status(status, fixed);
            String urgency = JsonFields.text(r, "urgency");
            if (urgency != null) {
                urgency = stripStars(urgency);
            }
            JsonNode npu = r.get("next_point_update");
            boolean nextPointUpdate = npu != null && (npu.asBoolean(false) || "true".equals(npu.asText()));
            return new DebianAdvisory(pkg, id, CVE.matcher(id).matches(), description, scope, bug, codename, s,
                    s == DebianStatus.FIXED ? fixed.strip() : null, urgency, JsonFields.text(r, "nodsa"),
                    JsonFields.text(r, "nodsa_reason"), nextPointUpdate, repositories(r.get("repositories")));
        }
    }

    /** Maps the tracker's status and fixed version to a {@link DebianStatus}. */
    static DebianStatus status(String status, String fixed) throws Malformed {
        boolean hasFix = fixed != null && !fixed.isBlank();
        if (status == null) {
            throw new Malformed("no 'status'");
        }
        switch (status) {
            case "resolved" -> {
                if (!hasFix) {
                    throw new Malformed("resolved without 'fixed_version'");
                }
                if ("0".equals(fixed.strip())) {
                    return DebianStatus.NOT_AFFECTED;
                }
                try {
                    DpkgVersion.parse(fixed);
                } catch (IllegalArgumentException e) {
                    throw new Malformed("bad fixed_version: " + e.getMessage());
                }
                return DebianStatus.FIXED;
            }
            case "open" -> {
                if (hasFix) {
                    throw new Malformed("open but has fixed_version '" + fixed + "'");
                }
                return DebianStatus.OPEN;
            }
            case "undetermined" -> {
                return DebianStatus.UNDETERMINED;
            }
            default -> throw new Malformed("unknown status '" + status + "'");
        }
    }

    private static String stripStars(String urgency) {
        int end = urgency.length();
        while (end > 0 && urgency.charAt(end - 1) == '*') {
            end--;
        }
        return urgency.substring(0, end).strip();
    }

    private static Long bug(JsonNode n) throws Malformed {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        throw new Malformed("'debianbug' is not a number: " + n);
    }

    private static Map<String, String> repositories(JsonNode n) throws Malformed {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new Malformed("'repositories' is not an object");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new Malformed("repository '" + e.getKey() + "' version is not a string");
            }
            m.put(e.getKey(), e.getValue().textValue());
        }
        return m;
    }
}
