package dev.strata.scanner.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The repository and tag of an image reference such as {@code docker.io/library/debian:12}, and the image's
 * package URL per the purl-spec {@code oci} type: name = last repository segment, lowercased; version = digest;
 * qualifiers {@code repository_url}, {@code tag}, {@code arch}.
 */
record OciImageName(String repository, String tag) {

    /** Distribution-spec repository name, optionally preceded by a registry host[:port]. */
    private static final Pattern REPOSITORY = Pattern.compile(
            "([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    /**
     * The name of an image: the first repo tag that parses as an image reference, else the scan reference
     * when it parses, else null (the reference is then a file path or other non-registry source).
     */
    static OciImageName of(SbomInput.Image image) {
        for (String tag : image.repoTags()) {
            OciImageName name = parse(tag);
            if (name != null) {
                return name;
            }
        }
        return parse(image.reference());
    }

    /** Parses {@code [registry/]repo[:tag][@digest]}; null when it is no image reference. */
    static OciImageName parse(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String rest = reference.strip();
        int at = rest.indexOf('@');
        if (at >= 0) {
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                return null;
            }
        }
        if (!REPOSITORY.matcher(rest).matches()) {
            return null;
        }
        return new OciImageName(rest, tag);
    }

    /** The last path segment of the repository, lowercased: the purl name. */
    String shortName() {
        return repository.substring(repository.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code pkg:oci/<name>@<digest>?arch=…&repository_url=…&tag=…} for the image. */
    static String purl(OciImageName name, String fallbackName, String digest, String platform) {
        PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType("oci")
                .withName(name != null ? name.shortName() : fallbackName.toLowerCase(Locale.ROOT))
                .withVersion(digest);
        if (name != null) {
            b.withQualifier("repository_url", name.repository());
            if (name.tag() != null) {
                b.withQualifier("tag", name.tag());
            }
        }
        String arch = architecture(platform);
        if (arch != null) {
            b.withQualifier("arch", arch);
        }
        try {
            return b.build().canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build oci purl for " + name + " " + digest, e);
        }
    }

    /** {@code amd64} for {@code linux/amd64} or {@code linux/arm64/v8}; null when unknown. */
    static String architecture(String platform) {
        if (platform == null || platform.isBlank()) {
            return null;
        }
        String[] parts = platform.split("/");
        return parts.length >= 2 && !parts[1].isBlank() ? parts[1] : null;
    }
}
