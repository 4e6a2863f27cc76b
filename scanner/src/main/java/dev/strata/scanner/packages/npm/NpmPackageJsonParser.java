package dev.strata.scanner.packages.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.scanner.packages.PackageParseException;
import dev.strata.scanner.packages.ParseResult;
import dev.strata.scanner.packages.ParseWarning;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses an npm {@code package.json}: {@code name}, {@code version} and the licence, given as an SPDX string
 * ({@code "license": "MIT"}), the legacy object ({@code "license": {"type": "MIT", "url": ...}}) or the legacy
 * array ({@code "licenses": [{"type": "MIT"}, ...]}).
 */
public final class NpmPackageJsonParser {

    /**
     * Parses one file: at most one item; a missing name or version gives a warning and no item.
     *
     * @throws PackageParseException when the file is not a JSON object
     */
    public ParseResult<NpmPackage> parse(InputStream in) throws IOException, PackageParseException {
        JsonNode root = Json.readObject(in, "package.json");
        List<ParseWarning> warnings = new ArrayList<>();
        String name = Json.text(root, "name");
        String version = Json.text(root, "version");
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            warnings.add(new ParseWarning(0, "not a package: missing or non-string "
                    + (name == null || name.isBlank() ? "\"name\"" : "\"version\"")));
            return new ParseResult<>(List.of(), warnings);
        }
        return new ParseResult<>(List.of(new NpmPackage(name, version, licenses(root, warnings))), warnings);
    }

    static List<String> licenses(JsonNode root, List<ParseWarning> warnings) {
        Set<String> out = new LinkedHashSet<>();
        addLicense(root.get("license"), out, warnings);
        JsonNode legacy = root.get("licenses");
        if (legacy != null) {
            if (legacy.isArray()) {
                legacy.forEach(l -> addLicense(l, out, warnings));
            } else {
                addLicense(legacy, out, warnings);
            }
        }
        return List.copyOf(out);
    }

    private static void addLicense(JsonNode node, Set<String> out, List<ParseWarning> warnings) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            out.add(node.asText().strip());
        } else if (node.isObject() && node.path("type").isTextual() && !node.path("type").asText().isBlank()) {
            out.add(node.path("type").asText().strip());
        } else {
            warnings.add(new ParseWarning(0, "unrecognised license value: " + node));
        }
    }
}
