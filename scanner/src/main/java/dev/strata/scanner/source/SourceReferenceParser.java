package dev.strata.scanner.source;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pure string half of {@link SourceReference#parse}: splits the transport, path and ref without
 * touching the file system. Text without a known transport prefix comes back as a bare path to probe.
 */
public final class SourceReferenceParser {
    private static final Set<String> UNSUPPORTED_TRANSPORTS = Set.of("docker", "docker-daemon",
            "containers-storage", "dir", "ostree", "sif", "tarball", "registry", "podman");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");
    private static final Pattern INDEX = Pattern.compile("@(\\d+)");

    private SourceReferenceParser() {
    }

    /** Either a parsed {@code reference}, or a {@code barePath} to be probed; exactly one is non-null. */
    public record Parsed(SourceReference reference, Path barePath) {
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty image reference");
        }
        int colon = text.indexOf(':');
        String transport = colon > 0 ? text.substring(0, colon) : null;
        if (transport != null) {
            String rest = text.substring(colon + 1);
            switch (transport) {
                case "docker-archive":
                    return new Parsed(dockerArchive(text, rest), null);
                case "oci":
                    return new Parsed(new SourceReference.OciLayout(path(text, pathPart(rest)), refPart(rest)), null);
                case "oci-archive":
                    return new Parsed(new SourceReference.OciArchive(path(text, pathPart(rest)), refPart(rest)), null);
                default:
                    if (UNSUPPORTED_TRANSPORTS.contains(transport) || SCHEME.matcher(text).matches()) {
                        throw new IllegalArgumentException("unsupported image transport '" + transport + ":' in '"
                                + text + "'; use docker-archive:PATH, oci:DIR[:REF], oci-archive:PATH[:REF] or a path");
                    }
            }
        }
        return new Parsed(null, path(text, text));
    }

    private static SourceReference.DockerArchive dockerArchive(String text, String rest) {
        Path path = path(text, pathPart(rest));
        String ref = refPart(rest);
        if (ref == null) {
            return new SourceReference.DockerArchive(path, null, -1);
        }
        var m = INDEX.matcher(ref);
        if (m.matches()) {
            try {
                return new SourceReference.DockerArchive(path, null, Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad image index in '" + text + "'");
            }
        }
        if (ref.contains("@")) {
            throw new IllegalArgumentException("docker-archive reference '" + text
                    + "' names a digest; use repo:tag or @INDEX");
        }
        return new SourceReference.DockerArchive(path, withDefaultTag(ref), -1);
    }

    /** {@code repo} → {@code repo:latest}; a colon inside a registry host:port does not count as a tag. */
    static String withDefaultTag(String repoTag) {
        int slash = repoTag.lastIndexOf('/');
        return repoTag.indexOf(':', slash + 1) < 0 ? repoTag + ":latest" : repoTag;
    }

    private static String pathPart(String rest) {
        int c = rest.indexOf(':');
        return c < 0 ? rest : rest.substring(0, c);
    }

    private static String refPart(String rest) {
        int c = rest.indexOf(':');
        if (c < 0) {
            return null;
        }
        String ref = rest.substring(c + 1);
        return ref.isEmpty() ? null : ref;
    }

    private static Path path(String text, String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("image reference '" + text + "' has no path");
        }
        try {
            return absolute(Path.of(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("bad path in image reference '" + text + "': " + e.getMessage());
        }
    }

    static Path absolute(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("missing path");
        }
        return path.toAbsolutePath().normalize();
    }
}
