package dev.strata.server;

import dev.strata.scanner.source.SourceReference;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Whether an image reference sent to the API may be scanned: local paths only when the config allows them,
 * registry hosts per {@link RegistryHostPolicy}. Checked on the text (no I/O), again with the host's
 * addresses resolved, and on what the reference parsed to.
 */
public final class ReferencePolicy {
    private final boolean allowLocalPaths;
    private final RegistryHostPolicy hosts;

    public ReferencePolicy(boolean allowLocalPaths, RegistryHostPolicy hosts) {
        this.allowLocalPaths = allowLocalPaths;
        this.hosts = hosts;
    }

    /** Checks the text alone: refuses local paths unless allowed and hosts denied by name or literal address. */
    public void checkText(String reference) {
        ReferenceKind kind = ReferenceKind.of(reference);
        if (kind instanceof ReferenceKind.Local && !allowLocalPaths) {
            throw localRefused(reference);
        }
        if (kind instanceof ReferenceKind.Registry r) {
            hosts.refusal(r.host(), literal(r.host())).ifPresent(reason -> {
                throw new ApiError(403, "reference_refused", reason);
            });
        }
    }

    /** As {@link #checkText}, and the host's resolved addresses too (blocking: DNS). */
    public void checkResolved(String reference) {
        checkText(reference);
        if (ReferenceKind.of(reference) instanceof ReferenceKind.Registry r) {
            List<InetAddress> addresses;
            try {
                addresses = Arrays.asList(InetAddress.getAllByName(unbracket(r.host())));
            } catch (UnknownHostException e) {
                addresses = List.of(); // the pull reports the unknown host
            }
            hosts.refusal(r.host(), addresses).ifPresent(reason -> {
                throw new ApiError(403, "reference_refused", reason);
            });
        }
    }

    /** Refuses a reference that parsed to a file on the server when local paths are not allowed. */
    public void checkParsed(String reference, SourceReference parsed) {
        boolean local = parsed instanceof SourceReference.DockerArchive || parsed instanceof SourceReference.OciLayout
                || parsed instanceof SourceReference.OciArchive;
        if (local && !allowLocalPaths) {
            throw localRefused(reference);
        }
    }

    private static ApiError localRefused(String reference) {
        return new ApiError(403, "reference_refused", "'" + reference + "' names a path on the server; local "
                + "paths are off (set allowLocalPaths: true in the config, or upload the image to /api/v1/images)");
    }

    /** The address a host written as an IP literal stands for; nothing for a name (no lookup here). */
    private static List<InetAddress> literal(String host) {
        String h = unbracket(host);
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = h.contains(":");
        if (!ipv4 && !ipv6) {
            return List.of();
        }
        try {
            return List.of(InetAddress.getByName(h)); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
