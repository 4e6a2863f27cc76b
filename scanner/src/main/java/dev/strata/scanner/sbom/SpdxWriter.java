package dev.strata.scanner.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.os.OsInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Writes an image's packages as an SPDX 2.3 JSON document, byte-identical for identical input. */
public final class SpdxWriter {

    static final String DOCUMENT_ID = "SPDXRef-DOCUMENT";
    static final String IMAGE_ID = "SPDXRef-Image";
    static final String OS_ID = "SPDXRef-OperatingSystem";
    static final String NAMESPACE_BASE = "https://strata.dev/spdxdocs/";
    private static final String NOASSERTION = SpdxLicenseRefs.NOASSERTION;
    private static final Pattern NOT_ID_CHAR = Pattern.compile("[^A-Za-z0-9.-]+");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The document as pretty-printed JSON. */
    public String toJson(SbomInput input) {
        try {
            return MAPPER.writeValueAsString(toDocument(input));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write SPDX JSON", e);
        }
    }

    /** Writes the document as UTF-8 JSON. */
    public void write(SbomInput input, OutputStream out) throws IOException {
        out.write(toJson(input).getBytes(StandardCharsets.UTF_8));
    }

    /** The document as a JSON tree, fields in the order of the SPDX 2.3 JSON examples. */
    public ObjectNode toDocument(SbomInput input) {
        SbomImage image = SbomImage.of(input.image());
        List<SbomPackage> packages = SbomPackage.of(input.packages());
        SpdxLicenseRefs licenseRefs = new SpdxLicenseRefs(packages);
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", DOCUMENT_ID);
        doc.put("name", image.name());
        doc.put("documentNamespace", namespace(input, image));
        ObjectNode creation = doc.putObject("creationInfo");
        creation.put("created", spdxDate(input.timestamp()));
        creation.putArray("creators").add("Tool: " + input.toolName() + "-" + input.toolVersion());
        ArrayNode out = doc.putArray("packages");
        ArrayNode relationships = MAPPER.createArrayNode();
        relationship(relationships, DOCUMENT_ID, "DESCRIBES", IMAGE_ID);
        imagePackage(out.addObject(), input.image(), image);
        if (input.os() != null) {
            osPackage(out.addObject(), input.os());
            relationship(relationships, IMAGE_ID, "CONTAINS", OS_ID);
        }
        List<String> ids = packageIds(packages);
        for (int i = 0; i < packages.size(); i++) {
            ObjectNode node = out.addObject();
            node.put("SPDXID", ids.get(i));
            packageFields(node, packages.get(i), licenseRefs);
            relationship(relationships, IMAGE_ID, "CONTAINS", ids.get(i));
        }
        ArrayNode extracted = licenseRefs.extractedLicensingInfos();
        if (!extracted.isEmpty()) {
            doc.set("hasExtractedLicensingInfos", extracted);
        }
        doc.set("relationships", relationships);
        return doc;
    }

    /** {@code SPDXRef-Package-<type>-<sanitised name>-<n>}, n counting from 1 in document order. */
    static List<String> packageIds(List<SbomPackage> packages) {
        List<String> ids = new ArrayList<>(packages.size());
        for (int i = 0; i < packages.size(); i++) {
            DetectedPackage pkg = packages.get(i).installed().pkg();
            ids.add("SPDXRef-Package-" + pkg.type().purlType() + "-" + sanitize(pkg.name()) + "-" + (i + 1));
        }
        return ids;
    }

    /** Runs of characters not allowed in SPDX ids ({@code [A-Za-z0-9.-]}) become one {@code -}. */
    static String sanitize(String s) {
        String out = NOT_ID_CHAR.matcher(s).replaceAll("-").replaceAll("^-+|-+$", "");
        return out.isEmpty() ? "x" : out;
    }

    /** {@code https://strata.dev/spdxdocs/<name>/<digest algorithm>-<hex>/<tool>-<version>}. */
    static String namespace(SbomInput input, SbomImage image) {
        String name = sanitize(image.name().substring(image.name().lastIndexOf('/') + 1)).toLowerCase(Locale.ROOT);
        return NAMESPACE_BASE + name + "/" + sanitize(input.image().digest()) + "/"
                + sanitize(input.toolName() + "-" + input.toolVersion());
    }

    private static void imagePackage(ObjectNode node, SbomInput.Image input, SbomImage image) {
        node.put("SPDXID", IMAGE_ID);
        node.put("name", image.name());
        node.put("versionInfo", image.version());
        common(node, "CONTAINER", NOASSERTION);
        String digest = image.version();
        if (digest.startsWith("sha256:")) {
            ArrayNode checksums = node.putArray("checksums");
            checksums.addObject().put("algorithm", "SHA256").put("checksumValue", digest.substring(7));
        }
        builtDate(input.created()).ifPresent(date -> node.put("builtDate", date));
        purlRef(node, image.purl());
        node.put("comment", "Container image " + input.reference()
                + (input.configDigest() != null ? "; config " + input.configDigest() : "")
                + (input.platform() != null ? "; platform " + input.platform() : ""));
    }

    /** The image's creation time as SPDX wants it ({@code 2024-01-31T12:00:00Z}), when it parses. */
    static Optional<String> builtDate(String created) {
        if (created == null || created.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant instant = OffsetDateTime.parse(created.strip()).toInstant();
            return Optional.of(spdxDate(instant));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String spdxDate(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void osPackage(ObjectNode node, OsInfo os) {
        node.put("SPDXID", OS_ID);
        node.put("name", os.id());
        String version = os.versionId() != null ? os.versionId() : os.versionCodename();
        if (version != null) {
            node.put("versionInfo", version);
        }
        common(node, "OPERATING_SYSTEM", NOASSERTION);
        if (os.prettyName() != null) {
            node.put("description", os.prettyName());
        }
    }

    private static void packageFields(ObjectNode node, SbomPackage p, SpdxLicenseRefs licenseRefs) {
        InstalledPackage installed = p.installed();
        DetectedPackage pkg = installed.pkg();
        node.put("name", pkg.name());
        node.put("versionInfo", pkg.version());
        common(node, "LIBRARY", licenseRefs.declared(pkg.licenses()));
        String sha1 = installed.sha1() == null ? null : installed.sha1().toLowerCase(Locale.ROOT);
        if (sha1 != null && SHA1.matcher(sha1).matches()) {
            node.putArray("checksums").addObject().put("algorithm", "SHA1").put("checksumValue", sha1);
        }
        purlRef(node, p.purl());
        if (pkg.sourceName() != null) {
            node.put("sourceInfo", "built package from: " + pkg.sourceName()
                    + (pkg.sourceVersion() != null ? " " + pkg.sourceVersion() : ""));
        }
        node.put("comment", location(installed));
    }

    /** {@code layer <diffId>; path <p1>; path <p2>; owned by <purl>}. */
    static String location(InstalledPackage installed) {
        List<String> parts = new ArrayList<>();
        if (installed.layerDiffId() != null) {
            parts.add("layer " + installed.layerDiffId());
        }
        installed.pkg().paths().forEach(path -> parts.add("path " + path));
        if (installed.ownedBy() != null) {
            parts.add("owned by " + installed.ownedBy());
        }
        return String.join("; ", parts);
    }

    private static void common(ObjectNode node, String purpose, String licenseDeclared) {
        node.put("primaryPackagePurpose", purpose);
        node.put("supplier", NOASSERTION);
        node.put("downloadLocation", NOASSERTION);
        node.put("filesAnalyzed", false);
        node.put("licenseConcluded", NOASSERTION);
        node.put("licenseDeclared", licenseDeclared);
        node.put("copyrightText", NOASSERTION);
    }

    private static void purlRef(ObjectNode node, String purl) {
        node.putArray("externalRefs").addObject()
                .put("referenceCategory", "PACKAGE-MANAGER")
                .put("referenceType", "purl")
                .put("referenceLocator", purl);
    }

    private static void relationship(ArrayNode relationships, String from, String type, String to) {
        relationships.addObject().put("spdxElementId", from).put("relationshipType", type)
                .put("relatedSpdxElement", to);
    }
}
