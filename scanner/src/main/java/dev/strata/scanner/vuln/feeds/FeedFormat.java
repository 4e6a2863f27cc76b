package dev.strata.scanner.vuln.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/** The kind of a vulnerability feed file, sniffed from its first few kilobytes. */
public enum FeedFormat {
    /** One OSV record: an object with {@code id} and {@code affected}/{@code modified}/{@code schema_version}. */
    OSV_RECORD,
    /** A zip archive ({@code PK} magic), as OSV's {@code all.zip} bulk exports. */
    OSV_ZIP,
    /** Debian Security Tracker JSON: object of packages, each an object of issues that have {@code releases}. */
    DEBIAN_TRACKER,
    /** Alpine secdb: an object with {@code packages} and {@code distroversion}. */
    ALPINE_SECDB,
    /** None of the above (or too little was given to tell). */
    UNKNOWN;

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Sniffs {@code head}, the first bytes of a file (4–64 KiB is plenty; a cut in the middle of the JSON is
     * expected and tolerated). Gzip input is not unpacked and reads as {@link #UNKNOWN}.
     */
    public static FeedFormat detect(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return OSV_ZIP;
        }
        Set<String> top = new HashSet<>();
        boolean releasesAtDepth3 = false;
        boolean nonObjectBelowTop = false;
        try (JsonParser p = JSON.createParser(head)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return UNKNOWN;
            }
            int depth = 1;
            // depth counts open containers; track which containers at depth 2 and 3 are objects
            boolean[] objectAt = new boolean[4];
            objectAt[1] = true;
            JsonToken t;
            while ((t = p.nextToken()) != null && depth > 0) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth <= 3) {
                            objectAt[depth] = t == JsonToken.START_OBJECT;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 1) {
                            top.add(p.currentName());
                        } else if (depth == 3 && objectAt[2] && objectAt[3] && "releases".equals(p.currentName())) {
                            releasesAtDepth3 = true;
                        }
                    }
                    default -> {
                        if (depth == 1) {
                            nonObjectBelowTop = true;
                        }
                    }
                }
                if (t == JsonToken.START_ARRAY && depth == 2) {
                    nonObjectBelowTop = true;
                }
            }
        } catch (IOException e) {
            // the head is cut mid-document: decide on what was seen
        }
        return decide(top, releasesAtDepth3, nonObjectBelowTop);
    }

    private static FeedFormat decide(Set<String> top, boolean releasesAtDepth3, boolean nonObjectBelowTop) {
        if (top.contains("packages") && top.contains("distroversion")) {
            return ALPINE_SECDB;
        }
        if (top.contains("id") && (top.contains("affected") || top.contains("modified")
                || top.contains("schema_version"))) {
            return OSV_RECORD;
        }
        if (releasesAtDepth3 && !nonObjectBelowTop) {
            return DEBIAN_TRACKER;
        }
        return UNKNOWN;
    }
}
