package dev.strata.scanner.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a registry host is on the loopback interface, where plain HTTP is allowed as Docker allows it. */
public final class Loopback {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private Loopback() {
    }

    /** {@code host} may carry a port ({@code localhost:5000}, {@code [::1]:5000}). */
    public static boolean isLoopback(String host) {
        String h = stripPort(host).toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(h).matches();
    }

    /** The host without its port and IPv6 brackets. */
    public static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(1, end) : host;
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && host.indexOf(':', colon + 1) < 0) {
            return host.substring(0, colon);
        }
        return host;
    }
}
