package dev.strata.app.vulndb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feeds {@code strata db update} downloads: by default osv.dev's per-ecosystem {@code all.zip} for Maven, npm,
 * PyPI, Go, crates.io, Debian and Alpine, the Debian Security Tracker JSON, and Alpine secdb {@code main.json} and
 * {@code community.json} for {@link #DEFAULT_ALPINE_RELEASES}. A config file (JSON) can replace them for mirrors
 * and air-gapped setups: {@code {"sources": [{"name": …, "url": …}, …]}} replaces the whole list;
 * {@code {"osvBaseUrl": …, "debianTrackerUrl": …, "alpineSecdbBaseUrl": …, "alpineReleases": [...]}} rebuilds the
 * default list on other locations.
 */
public final class FeedSources {
    public static final String OSV_BASE = "https://osv-vulnerabilities.storage.googleapis.com/";
    public static final String DEBIAN_TRACKER = "https://security-tracker.debian.org/tracker/data/json";
    public static final String ALPINE_SECDB_BASE = "https://secdb.alpinelinux.org/";
    public static final List<String> OSV_ECOSYSTEMS = List.of("Maven", "npm", "PyPI", "Go", "crates.io", "Debian", "Alpine");
    public static final List<String> DEFAULT_ALPINE_RELEASES = List.of("v3.19", "v3.20", "v3.21", "v3.22");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FeedSources() {
    }

    /** The default list on the real upstream locations. */
    public static List<FeedSource> defaults() {
        return build(OSV_BASE, DEBIAN_TRACKER, ALPINE_SECDB_BASE, DEFAULT_ALPINE_RELEASES);
    }

    /** The default list with other base locations (each base ends with {@code /}). */
    public static List<FeedSource> build(String osvBase, String debianTracker, String alpineBase, List<String> alpineReleases) {
        List<FeedSource> out = new ArrayList<>();
        for (String ecosystem : OSV_ECOSYSTEMS) {
            out.add(new FeedSource("osv-" + ecosystem, URI.create(slash(osvBase) + ecosystem + "/all.zip")));
        }
        out.add(new FeedSource("debian-tracker", URI.create(debianTracker)));
        for (String release : alpineReleases) {
            for (String repo : List.of("main", "community")) {
                out.add(new FeedSource("alpine-" + release + "-" + repo,
                        URI.create(slash(alpineBase) + release + "/" + repo + ".json")));
            }
        }
        return out;
    }

    /**
     * The sources from {@code config} (null: the defaults), then {@code overrides} replacing same-named sources or
     * adding new ones.
     *
     * @throws IllegalArgumentException naming the config file when it is not what this class documents
     */
    public static List<FeedSource> resolve(Path config, List<FeedSource> overrides) throws IOException {
        List<FeedSource> base = config == null ? defaults() : read(config);
        Map<String, FeedSource> byName = new LinkedHashMap<>();
        base.forEach(s -> byName.put(s.name(), s));
        overrides.forEach(s -> byName.put(s.name(), s));
        return List.copyOf(byName.values());
    }

    static List<FeedSource> read(Path config) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(config));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("feed config " + config + " is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("feed config " + config + ": expected a JSON object");
        }
        try {
            if (root.has("sources")) {
                List<FeedSource> out = new ArrayList<>();
                for (JsonNode s : root.get("sources")) {
                    out.add(new FeedSource(s.path("name").asText(), URI.create(s.path("url").asText())));
                }
                return out;
            }
            List<String> releases = new ArrayList<>();
            if (root.has("alpineReleases")) {
                root.get("alpineReleases").forEach(r -> releases.add(r.asText()));
            } else {
                releases.addAll(DEFAULT_ALPINE_RELEASES);
            }
            return build(root.path("osvBaseUrl").asText(OSV_BASE), root.path("debianTrackerUrl").asText(DEBIAN_TRACKER),
                    root.path("alpineSecdbBaseUrl").asText(ALPINE_SECDB_BASE), releases);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feed config " + config + ": " + e.getMessage(), e);
        }
    }

    private static String slash(String base) {
        return base.endsWith("/") ? base : base + "/";
    }
}
