package dev.strata.scanner.registry;

import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.MediaTypes;

import java.util.Locale;

/** The {@code Accept} header of a manifest pull and the check of the {@code Content-Type} that comes back. */
public final class ManifestContentType {
    /** Every manifest type Strata reads, most specific first (schema 1 is not asked for). */
    public static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);
    /** The largest manifest or index read. */
    public static final long MAX_MANIFEST_BYTES = 4L * 1024 * 1024;

    private ManifestContentType() {
    }

    /**
     * Rejects a response that cannot be a manifest Strata reads: schema 1, HTML (a login page or proxy
     * error), or any other non-JSON type. A missing type or {@code application/json} is left to the parser.
     */
    public static void check(String contentType, String what) throws ImageFormatException {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(MediaTypes.DOCKER_MANIFEST_V1) || type.equals(MediaTypes.DOCKER_MANIFEST_V1_SIGNED)) {
            throw new ImageFormatException(what + " is a Docker schema 1 manifest (" + type
                    + "), which is not supported; re-push the image with a current Docker or skopeo");
        }
        if (MediaTypes.isIndex(type) || MediaTypes.isManifest(type) || type.equals("application/json")
                || type.equals("application/octet-stream")) {
            return;
        }
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            throw new ImageFormatException(what + ": the server answered with an HTML page, not a manifest"
                    + " (is this a registry?)");
        }
        throw new ImageFormatException(what + " has unsupported media type " + type);
    }
}
