package dev.strata.scanner.report.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.gate.AssessedFinding;
import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.FindingStatus;
import dev.strata.scanner.vuln.match.Severity;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the findings as a SARIF 2.1.0 log for GitHub code scanning: one rule per advisory (short and full
 * description, help text and link, {@code security-severity}), one result per finding located at the package's
 * path in the image (a relative URI) with the image reference as logical location; suppressed findings carry an
 * external {@code suppressions[]} entry with the justification.
 */
public final class SarifWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The SARIF log as pretty-printed JSON. */
    public String toJson(FindingsReport report) {
        try {
            return JSON.writeValueAsString(toTree(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SARIF log as a JSON tree. */
    public ObjectNode toTree(FindingsReport report) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", report.toolName());
        driver.put("version", report.toolVersion());
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        for (AssessedFinding assessed : report.gate().findings()) {
            Finding f = assessed.finding();
            Integer index = ruleIndex.get(f.id());
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(f.id(), index);
                rule(rules.addObject(), f);
            }
            result(results.addObject(), assessed, index, report.imageReference());
        }
        ObjectNode properties = run.putObject("properties");
        properties.put("imageReference", report.imageReference());
        if (report.imageDigest() != null) {
            properties.put("imageDigest", report.imageDigest());
        }
        properties.put("verdict", report.gate().verdict().line());
        return log;
    }

    private static void rule(ObjectNode rule, Finding f) {
        rule.put("id", f.id());
        rule.put("name", ruleName(f.id()));
        String title = f.title() != null ? f.title() : f.id();
        rule.putObject("shortDescription").put("text", title);
        rule.putObject("fullDescription").put("text", fullDescription(f));
        rule.put("helpUri", AdvisoryLinks.url(f.id()));
        ObjectNode help = rule.putObject("help");
        help.put("text", helpText(f));
        help.put("markdown", helpMarkdown(f));
        rule.putObject("defaultConfiguration").put("level", level(f.severity()));
        ObjectNode properties = rule.putObject("properties");
        properties.put("security-severity", securitySeverity(f.severity()));
        properties.put("precision", "very-high");
        ArrayNode tags = properties.putArray("tags");
        tags.add("security");
        tags.add("vulnerability");
        tags.add(f.severity().name());
    }

    /** A PascalCase name for the rule, which SARIF wants to be an identifier: {@code Cve202144228}. */
    private static String ruleName(String id) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.toString();
    }

    private static String fullDescription(Finding f) {
        String text = f.title() != null ? f.title() : "Vulnerability " + f.id();
        return f.aliases().isEmpty() ? text : text + " (also known as " + String.join(", ", f.aliases()) + ")";
    }

    private static String helpText(Finding f) {
        StringBuilder out = new StringBuilder();
        out.append("Vulnerability ").append(f.id());
        if (!f.aliases().isEmpty()) {
            out.append(" (").append(String.join(", ", f.aliases())).append(')');
        }
        out.append("\nSeverity: ").append(f.severity().name());
        if (f.title() != null) {
            out.append('\n').append(f.title());
        }
        out.append("\nUpgrade the affected package to a fixed version where one is given in the result.");
        out.append("\n").append(AdvisoryLinks.url(f.id()));
        return out.toString();
    }

    private static String helpMarkdown(Finding f) {
        StringBuilder out = new StringBuilder();
        out.append("**Vulnerability [").append(f.id()).append("](").append(AdvisoryLinks.url(f.id())).append(")**");
        if (!f.aliases().isEmpty()) {
            out.append(" (").append(String.join(", ", f.aliases())).append(')');
        }
        out.append("\n\n| Severity |\n| --- |\n| ").append(f.severity().name()).append(" |\n");
        if (f.title() != null) {
            out.append('\n').append(f.title().replace("\n", " ")).append('\n');
        }
        return out.toString();
    }

    private static void result(ObjectNode result, AssessedFinding assessed, int ruleIndex, String image) {
        Finding f = assessed.finding();
        result.put("ruleId", f.id());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(f.severity()));
        result.putObject("message").put("text", message(f, image));
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", artifactUri(f.path()));
        physical.putObject("region").put("startLine", 1);
        location.putArray("logicalLocations").addObject()
                .put("name", image)
                .put("fullyQualifiedName", image + (f.path() != null ? ":" + f.path() : ""))
                .put("kind", "container-image");
        result.putObject("partialFingerprints").put("strataFinding/v1", fingerprint(f));
        if (assessed.suppressedBy() != null) {
            ObjectNode s = result.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", assessed.suppressedBy().reason() + " [" + assessed.suppressedBy().source() + "]");
        }
        ObjectNode properties = result.putObject("properties");
        properties.put("packagePurl", f.packagePurl());
        properties.put("installedVersion", f.installedVersion());
        if (f.fixedVersion() != null) {
            properties.put("fixedVersion", f.fixedVersion());
        }
        properties.put("status", f.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        properties.put("severity", f.severity().name());
        if (f.layerDiffId() != null) {
            properties.put("layerDiffId", f.layerDiffId());
        }
    }

    private static String message(Finding f, String image) {
        StringBuilder out = new StringBuilder();
        out.append("Package ").append(f.packageName()).append(' ').append(f.installedVersion())
                .append(" in image ").append(image);
        if (f.path() != null) {
            out.append(" (").append(f.path()).append(')');
        }
        out.append(" is affected by ").append(f.id()).append(" (").append(f.severity().name()).append(')');
        if (f.status() == FindingStatus.FIXED) {
            out.append("; fixed in ").append(f.fixedVersion());
        } else if (f.status() == FindingStatus.WONT_FIX) {
            out.append("; the distribution will not fix it");
        } else {
            out.append("; no fixed version yet");
        }
        return out.append('.').toString();
    }

    /** The package path as a URI relative to the image root; the image root itself when there is no path. */
    static String artifactUri(String path) {
        String relative = path == null ? "" : path.replaceFirst("^/+", "");
        if (relative.isEmpty()) {
            return ".";
        }
        try {
            return new URI(null, null, relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("path cannot be a URI: " + path, e);
        }
    }

    /** GitHub's levels: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            case UNKNOWN -> "0.0";
        };
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, UNKNOWN -> "note";
        };
    }

    private static String fingerprint(Finding f) {
        String key = f.id() + "|" + f.packagePurl() + "|" + f.path();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
