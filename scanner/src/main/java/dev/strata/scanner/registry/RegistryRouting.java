package dev.strata.scanner.registry;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Decides whether an image argument names a registry image: {@code docker://…} always; text with a local
 * transport ({@code docker-archive:}, {@code oci:}, {@code oci-archive:}), naming an existing path,
 * starting like a path ({@code /}, {@code .}, {@code ~}) or ending like an archive ({@code .tar},
 * {@code .tar.gz}, {@code .tgz}) never, so a mistyped file name is reported as a missing file rather than
 * sent to Docker Hub; any other text that parses as a Docker reference does.
 */
public final class RegistryRouting {
    /** Transports of skopeo and URL schemes: text starting with one of these is never a Docker Hub name:tag. */
    private static final java.util.regex.Pattern OTHER_TRANSPORT = java.util.regex.Pattern.compile(
            "^(?:docker-daemon|containers-storage|dir|ostree|sif|tarball|podman|registry|http|https|ftp|sftp|file|s3"
                    + "|gs):.*");

    private RegistryRouting() {
    }

    public static boolean isRegistryReference(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (text.startsWith("docker://")) {
            return true;
        }
        if (text.startsWith("docker-archive:") || text.startsWith("oci:") || text.startsWith("oci-archive:")
                || text.startsWith("/") || text.startsWith(".") || text.startsWith("~")) {
            return false;
        }
        if (OTHER_TRANSPORT.matcher(text).matches()) {
            return false; // left to the local parser, which names the unsupported transport
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz")
                || lower.endsWith(".tar.zst")) {
            return false;
        }
        try {
            if (Files.exists(Path.of(text))) {
                return false;
            }
        } catch (InvalidPathException e) {
            return false;
        }
        return RegistryReference.looksLikeReference(text);
    }
}
