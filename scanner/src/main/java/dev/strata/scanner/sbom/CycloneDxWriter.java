package dev.strata.scanner.sbom;

import dev.strata.scanner.gate.AssessedFinding;
import dev.strata.scanner.packages.DetectedPackage;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.PackageType;
import dev.strata.scanner.packages.os.OsInfo;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.metadata.ToolInformation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes an image's packages as a CycloneDX 1.6 JSON BOM, byte-identical for identical input. Each path of a
 * package is both a {@code strata:path} property and an {@code evidence.occurrences[].location}.
 */
public final class CycloneDxWriter {

    static final String PROPERTY_LAYER = "strata:layerDiffId";
    static final String PROPERTY_PATH = "strata:path";
    static final String PROPERTY_OWNED_BY = "strata:ownedBy";
    static final String PROPERTY_SOURCE = "strata:sourcePackage";
    static final String PROPERTY_SOURCE_VERSION = "strata:sourceVersion";
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    /** The BOM as pretty-printed JSON. */
    public String toJson(SbomInput input) {
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, toBom(input)).toJsonString(true);
        } catch (GeneratorException e) {
            throw new IllegalStateException("cannot write CycloneDX JSON", e);
        }
    }

    /**
     * The BOM with the findings as {@code vulnerabilities[]} (CycloneDX VEX form), suppressed ones with their
     * analysis; see {@link CycloneDxVulnerabilities}.
     */
    public String toJson(SbomInput input, List<AssessedFinding> findings) {
        Bom bom = toBom(input);
        bom.setVulnerabilities(CycloneDxVulnerabilities.of(SbomPackage.of(input.packages()), findings));
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString(true);
        } catch (GeneratorException e) {
            throw new IllegalStateException("cannot write CycloneDX JSON", e);
        }
    }

    /** Writes the BOM as UTF-8 JSON. */
    public void write(SbomInput input, OutputStream out) throws IOException {
        out.write(toJson(input).getBytes(StandardCharsets.UTF_8));
    }

    /** The BOM model, for callers that add to it. */
    public Bom toBom(SbomInput input) {
        SbomImage image = SbomImage.of(input.image());
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + serialNumber(input));
        bom.setVersion(1);
        bom.setMetadata(metadata(input, image));
        Dependency root = new Dependency(image.purl());
        if (input.os() != null) {
            Component os = osComponent(input.os());
            bom.addComponent(os);
            root.addDependency(new Dependency(os.getBomRef()));
        }
        for (SbomPackage p : SbomPackage.of(input.packages())) {
            bom.addComponent(component(p));
            root.addDependency(new Dependency(p.ref()));
        }
        bom.addDependency(root);
        return bom;
    }

    /** A name-based UUID of the image digest and the tool, so that a rescan by the same tool keeps it. */
    static UUID serialNumber(SbomInput input) {
        String key = "cyclonedx|" + input.image().digest() + "|" + input.toolName() + "|" + input.toolVersion();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Metadata metadata(SbomInput input, SbomImage image) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(input.timestamp()));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(input.toolName());
        tool.setVersion(input.toolVersion());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        metadata.setComponent(imageComponent(input.image(), image));
        return metadata;
    }

    private static Component imageComponent(SbomInput.Image input, SbomImage image) {
        Component c = new Component();
        c.setType(Component.Type.CONTAINER);
        c.setBomRef(image.purl());
        c.setName(image.name());
        c.setVersion(image.version());
        c.setPurl(image.purl());
        addProperty(c, "strata:reference", input.reference());
        addProperty(c, "strata:configDigest", input.configDigest());
        addProperty(c, "strata:platform", input.platform());
        addProperty(c, "strata:created", input.created());
        input.repoTags().forEach(t -> addProperty(c, "strata:repoTag", t));
        return c;
    }

    private static Component osComponent(OsInfo os) {
        Component c = new Component();
        c.setType(Component.Type.OPERATING_SYSTEM);
        c.setBomRef(osRef(os));
        c.setName(os.id());
        c.setVersion(os.versionId() != null ? os.versionId() : os.versionCodename());
        c.setDescription(os.prettyName());
        addProperty(c, "strata:distro", os.purlDistro());
        return c;
    }

    /** The bom-ref of the operating-system component, e.g. {@code os:debian-12}. */
    static String osRef(OsInfo os) {
        return "os:" + os.purlDistro();
    }

    private static Component component(SbomPackage p) {
        InstalledPackage installed = p.installed();
        DetectedPackage pkg = installed.pkg();
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setBomRef(p.ref());
        setGroupAndName(c, pkg);
        c.setVersion(pkg.version());
        c.setPurl(p.purl());
        c.setLicenses(CycloneDxLicenses.of(pkg.licenses()));
        String sha1 = installed.sha1() == null ? null : installed.sha1().toLowerCase(Locale.ROOT);
        if (sha1 != null && SHA1.matcher(sha1).matches()) {
            c.addHash(new Hash(Hash.Algorithm.SHA1, sha1));
        }
        if (!pkg.paths().isEmpty()) {
            Evidence evidence = new Evidence();
            for (String path : pkg.paths()) {
                Occurrence occurrence = new Occurrence();
                occurrence.setLocation(path);
                evidence.addOccurrence(occurrence);
            }
            c.setEvidence(evidence);
        }
        addProperty(c, PROPERTY_LAYER, installed.layerDiffId());
        pkg.paths().forEach(path -> addProperty(c, PROPERTY_PATH, path));
        addProperty(c, PROPERTY_OWNED_BY, installed.ownedBy());
        addProperty(c, PROPERTY_SOURCE, pkg.sourceName());
        addProperty(c, PROPERTY_SOURCE_VERSION, pkg.sourceVersion());
        return c;
    }

    /** Maven groupId and npm scope go to {@code group}; other names stay whole. */
    private static void setGroupAndName(Component c, DetectedPackage pkg) {
        String name = pkg.name();
        if (pkg.type() == PackageType.MAVEN && pkg.namespace() != null) {
            c.setGroup(pkg.namespace());
        } else if (pkg.type() == PackageType.NPM && name.startsWith("@") && name.indexOf('/') > 0) {
            c.setGroup(name.substring(0, name.indexOf('/')));
            name = name.substring(name.indexOf('/') + 1);
        }
        c.setName(name);
    }

    private static void addProperty(Component c, String name, String value) {
        if (value != null && !value.isBlank()) {
            c.addProperty(new Property(name, value));
        }
    }
}
