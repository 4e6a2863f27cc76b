package dev.strata.server;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which registry hosts a scan request may name: a deny list, an allow list (empty: any host) and, unless
 * allowed, never a link-local or cloud metadata address ({@code 169.254.0.0/16}, {@code fe80::/10},
 * {@code fd00:ec2::254}), whether written literally or what the name resolves to. Entries match a host
 * exactly, or with a leading {@code *.} any subdomain; a port in the reference is ignored.
 */
public record RegistryHostPolicy(List<String> allow, List<String> deny, boolean allowLinkLocal) {
    private static final byte[] EC2_METADATA_V6 = {(byte) 0xfd, 0x00, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0x02, 0x54};

    public RegistryHostPolicy {
        allow = allow.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        deny = deny.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    public static RegistryHostPolicy defaults() {
        return new RegistryHostPolicy(List.of(), List.of(), false);
    }

    /** Why {@code host} (no port) may not be contacted, given the addresses it resolves to; empty if it may. */
    public Optional<String> refusal(String host, List<InetAddress> addresses) {
        String h = stripBrackets(host.toLowerCase(Locale.ROOT));
        if (deny.stream().anyMatch(d -> matches(d, h))) {
            return Optional.of("registry host " + host + " is denied by the server's configuration");
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(a -> matches(a, h))) {
            return Optional.of("registry host " + host + " is not in the server's allow list");
        }
        if (!allowLinkLocal) {
            for (InetAddress a : addresses) {
                if (isLinkLocalOrMetadata(a)) {
                    return Optional.of("registry host " + host + " is a link-local or cloud metadata address ("
                            + a.getHostAddress() + "); the server does not contact those");
                }
            }
        }
        return Optional.empty();
    }

    /** 169.254.0.0/16, fe80::/10 and the EC2 IPv6 metadata address fd00:ec2::254. */
    static boolean isLinkLocalOrMetadata(InetAddress a) {
        return a.isLinkLocalAddress() || java.util.Arrays.equals(a.getAddress(), EC2_METADATA_V6);
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1));
        }
        return stripBrackets(pattern).equals(host);
    }

    private static String stripBrackets(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
