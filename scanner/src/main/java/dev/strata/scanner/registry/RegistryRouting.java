package dev.strata.scanner.registry;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Decides whether an image argument names a registry image: {@code docker://…} always; text with a local
 * transport ({@code docker-archive:}, {@code oci:}, {@code oci-archive:}) or naming an existing path
 * never; any other text that parses as a Docker reference does.
 */
public final class RegistryRouting {
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
                || text.startsWith("/") || text.startsWith(".")) {
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
