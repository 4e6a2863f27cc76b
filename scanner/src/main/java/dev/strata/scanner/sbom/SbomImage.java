package dev.strata.scanner.sbom;

import java.util.Locale;

/**
 * How an image is named in an SBOM: {@code name} is its repository (or the scan reference when that is no
 * image reference, e.g. an archive path), {@code version} its digest, {@code purl} its {@code pkg:oci} URL.
 */
record SbomImage(String name, String version, String purl) {

    static SbomImage of(SbomInput.Image image) {
        OciImageName parsed = OciImageName.of(image);
        String digest = image.digest();
        String name = parsed != null ? parsed.repository() : image.reference();
        String purl = OciImageName.purl(parsed, fallbackPurlName(image.reference()), digest, image.platform());
        return new SbomImage(name, digest, purl);
    }

    /** {@code nginx} for {@code /tmp/nginx.tar}: last path segment without extension, purl-safe. */
    private static String fallbackPurlName(String reference) {
        String s = reference.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        int dot = s.indexOf('.');
        if (dot > 0) {
            s = s.substring(0, dot);
        }
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return s.isEmpty() ? "image" : s;
    }
}
