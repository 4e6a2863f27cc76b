package dev.strata.server;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an image reference sent to the API names, read from its text alone: a local path (a transport
 * {@code docker-archive:}, {@code oci:}, {@code oci-archive:} or a bare path) or an image in a registry
 * ({@code docker://REF}, or {@code [HOST[:PORT]/]NAME[:TAG][@DIGEST]}, Docker Hub when no host is given).
 */
public sealed interface ReferenceKind {
    /** A file or directory on the server's disk. */
    record Local(String text) implements ReferenceKind {
    }

    /** An image in the registry at {@code host} (without port; IPv6 in brackets stays bracketed). */
    record Registry(String host, String text) implements ReferenceKind {
    }

    Pattern NAME_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

    /** Classifies {@code text}; text that is neither a local transport nor a registry reference is a path. */
    static ReferenceKind of(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        for (String transport : new String[] {"docker-archive:", "oci:", "oci-archive:"}) {
            if (lower.startsWith(transport)) {
                return new Local(t);
            }
        }
        String rest = lower.startsWith("docker://") ? t.substring("docker://".length()) : t;
        if (rest.startsWith("/") || rest.startsWith(".") || rest.startsWith("~") || rest.isEmpty()) {
            return new Local(t);
        }
        String host = registryHost(rest);
        return host == null ? new Local(t) : new Registry(host, t);
    }

    /** The registry host of {@code [HOST[:PORT]/]NAME[:TAG][@DIGEST]}, or null when the text is not one. */
    private static String registryHost(String ref) {
        String r = ref;
        int at = r.indexOf('@');
        if (at >= 0) {
            if (!DIGEST.matcher(r.substring(at + 1)).matches()) {
                return null;
            }
            r = r.substring(0, at);
        }
        int slash = r.indexOf('/');
        String host = "docker.io";
        if (slash > 0) {
            String first = r.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
                host = hostWithoutPort(first);
                r = r.substring(slash + 1);
            }
        }
        int colon = r.lastIndexOf(':');
        if (colon >= 0) {
            if (!TAG.matcher(r.substring(colon + 1)).matches()) {
                return null;
            }
            r = r.substring(0, colon);
        }
        if (host == null || r.isEmpty()) {
            return null;
        }
        for (String component : r.split("/", -1)) {
            if (!NAME_COMPONENT.matcher(component).matches()) {
                return null;
            }
        }
        return host;
    }

    private static String hostWithoutPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end < 0 ? null : hostPort.substring(0, end + 1);
        }
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }
}
