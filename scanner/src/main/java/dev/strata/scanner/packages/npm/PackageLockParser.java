package dev.strata.scanner.packages.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.scanner.packages.PackageParseException;
import dev.strata.scanner.packages.ParseWarning;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code package-lock.json} (also {@code npm-shrinkwrap.json}, {@code node_modules/.package-lock.json}).
 *
 * <p>Versions 2 and 3 are read from the {@code packages} map (keys are install paths; the root {@code ""}, paths
 * outside {@code node_modules/} such as workspace folders, and {@code link} entries are skipped). Version 1 has
 * only the nested {@code dependencies} tree, turned into the same install paths. Scope: {@code dev} ⇒ DEV;
 * {@code optional} or {@code devOptional} ⇒ OPTIONAL; otherwise PROD.
 */
public final class PackageLockParser {

    private static final String NODE_MODULES = "node_modules/";

    /**
     * Parses a lockfile.
     *
     * @throws PackageParseException when it is not a JSON object
     */
    public PackageLock parse(InputStream in) throws IOException, PackageParseException {
        JsonNode root = Json.readObject(in, "package-lock.json");
        List<ParseWarning> warnings = new ArrayList<>();
        int version = root.path("lockfileVersion").asInt(0);
        if (version == 0) {
            warnings.add(new ParseWarning(0, "missing or invalid \"lockfileVersion\"; guessing from content"));
        } else if (version > 3) {
            warnings.add(new ParseWarning(0, "unknown lockfileVersion " + version + "; reading it as version 3"));
        }
        List<LockedPackage> out = new ArrayList<>();
        JsonNode packages = root.get("packages");
        if (packages != null && packages.isObject()) {
            readPackages(packages, out, warnings);
        } else if (root.path("dependencies").isObject()) {
            readDependencies(root.get("dependencies"), "", out, warnings);
        } else if (version >= 2) {
            warnings.add(new ParseWarning(0, "lockfileVersion " + version + " without a \"packages\" object"));
        }
        return new PackageLock(version, out, warnings);
    }

    private static void readPackages(JsonNode packages, List<LockedPackage> out, List<ParseWarning> warnings) {
        for (Map.Entry<String, JsonNode> e : packages.properties()) {
            String path = e.getKey();
            JsonNode entry = e.getValue();
            int idx = path.lastIndexOf(NODE_MODULES);
            if (path.isEmpty() || idx < 0 || entry.path("link").asBoolean(false)) {
                continue;
            }
            if (!entry.isObject()) {
                warnings.add(new ParseWarning(0, "packages[\"" + path + "\"] is not an object"));
                continue;
            }
            String name = Json.text(entry, "name");
            if (name == null) {
                name = path.substring(idx + NODE_MODULES.length());
            }
            String version = Json.text(entry, "version");
            if (version == null || version.isBlank() || name.isBlank()) {
                warnings.add(new ParseWarning(0, "packages[\"" + path + "\"] skipped: no version"));
                continue;
            }
            out.add(new LockedPackage(path, name, version, scope(entry), entry.path("peer").asBoolean(false)));
        }
    }

    private static void readDependencies(JsonNode deps, String prefix, List<LockedPackage> out,
                                         List<ParseWarning> warnings) {
        for (Map.Entry<String, JsonNode> e : deps.properties()) {
            String name = e.getKey();
            JsonNode entry = e.getValue();
            String path = prefix + NODE_MODULES + name;
            String version = entry.isObject() ? Json.text(entry, "version") : null;
            if (version == null || version.isBlank()) {
                warnings.add(new ParseWarning(0, "dependencies \"" + path + "\" skipped: no version"));
                continue;
            }
            out.add(new LockedPackage(path, name, version, scope(entry), entry.path("peer").asBoolean(false)));
            JsonNode nested = entry.get("dependencies");
            if (nested != null && nested.isObject()) {
                readDependencies(nested, path + "/", out, warnings);
            }
        }
    }

    private static NpmScope scope(JsonNode entry) {
        if (entry.path("dev").asBoolean(false)) {
            return NpmScope.DEV;
        }
        if (entry.path("optional").asBoolean(false) || entry.path("devOptional").asBoolean(false)) {
            return NpmScope.OPTIONAL;
        }
        return NpmScope.PROD;
    }
}
