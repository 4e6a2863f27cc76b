package dev.strata.scanner.vuln.feeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.vuln.version.ApkVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams an Alpine secdb file ({@code secdb.alpinelinux.org/<v>/main.json}) into {@link AlpineFix} records.
 *
 * <p>Quirks handled: the {@code "0"} key means not affected; one string may hold several whitespace-separated ids
 * ({@code "CVE-2018-7540 XSA-252"}); a value may be {@code {}} (or null) instead of a list, meaning no ids. A package
 * without a name, a {@code secfixes} that is not an object, an invalid apk version key or a non-string id is reported
 * as a {@link FeedWarning} and skipped. Packages are read one at a time; those met before {@code distroversion} are
 * held until it is known. Input that is not JSON, ends early, or has no {@code distroversion} raises
 * {@link FeedParseException}.
 */
public final class AlpineSecdbParser {

    /** Receives the parsed fixes and the warnings about skipped entries. */
    public interface Listener {
        /** One (package, fixed version, id) triple. */
        void fix(AlpineFix fix);

        /** A skipped malformed entry; ignored by default. */
        default void warning(FeedWarning warning) {
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses the whole stream (not closed), delivering records to {@code listener}. */
    public void parse(InputStream in, Listener listener) throws IOException {
        String distro = null;
        String repo = null;
        List<JsonNode> pending = new ArrayList<>();
        int index = 0;
        try (JsonParser p = MAPPER.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedParseException("Alpine secdb does not start with an object at line 1", null);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "distroversion" -> distro = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "reponame" -> repo = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "packages" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new FeedParseException("Alpine secdb 'packages' is not an array at "
                                    + where(p), null);
                        }
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == null) {
                                throw new FeedParseException("Alpine secdb ends early at " + where(p)
                                        + " in 'packages' after entry #" + index, null);
                            }
                            JsonNode pkg = p.readValueAsTree();
                            if (distro == null) {
                                pending.add(pkg);
                            } else {
                                new Package(distro, repo, index, listener).read(pkg);
                            }
                            index++;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new FeedParseException("Alpine secdb ends early at " + where(p), null);
            }
        } catch (JsonProcessingException e) {
            throw new FeedParseException("Alpine secdb broken at " + JsonFields.where(e) + " in 'packages' entry #"
                    + index + ": " + e.getOriginalMessage(), e);
        }
        if (distro == null) {
            throw new FeedParseException("Alpine secdb has no 'distroversion'", null);
        }
        for (int i = 0; i < pending.size(); i++) {
            new Package(distro, repo, i, listener).read(pending.get(i));
        }
    }

    private static String where(JsonParser p) {
        var loc = p.currentLocation();
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Reads one element of {@code packages}. */
    private record Package(String distro, String repo, int index, Listener listener) {

        void read(JsonNode element) {
            String name = "#" + index;
            try {
                JsonNode pkg = element.get("pkg");
                if (pkg == null || !pkg.isObject()) {
                    throw new Malformed("no 'pkg' object");
                }
                String n = JsonFields.text(pkg, "name");
                if (n == null || n.isBlank()) {
                    throw new Malformed("package without a name");
                }
                name = n;
                JsonNode secfixes = pkg.get("secfixes");
                if (secfixes == null || secfixes.isNull()) {
                    return;
                }
                if (!secfixes.isObject()) {
                    throw new Malformed("'secfixes' is not an object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = secfixes.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    try {
                        version(name, e.getKey().strip(), e.getValue());
                    } catch (Malformed m) {
                        listener.warning(new FeedWarning(name, e.getKey(), m.getMessage()));
                    }
                }
            } catch (Malformed m) {
                listener.warning(new FeedWarning(name, "*", m.getMessage()));
            }
        }

        private void version(String name, String key, JsonNode ids) throws Malformed {
            String fixed = "0".equals(key) ? null : key;
            if (fixed != null && !ApkVersion.isValid(fixed)) {
                throw new Malformed("invalid apk version");
            }
            if (ids == null || ids.isNull() || (ids.isObject() && ids.isEmpty())) {
                return; // the {} quirk: no ids
            }
            if (!ids.isArray()) {
                throw new Malformed("ids are neither a list nor {}: " + ids);
            }
            List<String> bad = new ArrayList<>();
            for (JsonNode s : ids) {
                if (!s.isTextual()) {
                    bad.add(s.toString());
                    continue;
                }
                for (String id : s.textValue().strip().split("\\s+")) {
                    if (!id.isEmpty()) {
                        listener.fix(new AlpineFix(distro, repo, name, fixed, id));
                    }
                }
            }
            if (!bad.isEmpty()) {
                throw new Malformed("non-string ids skipped: " + String.join(", ", bad));
            }
        }
    }
}
