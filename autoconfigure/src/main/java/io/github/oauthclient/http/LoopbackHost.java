package io.github.oauthclient.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides whether a URI host names this machine's loopback interface, without any DNS lookup.
 *
 * <p>The starter exempts loopback hosts from the "tokens only over TLS" rule (a token sent to
 * {@code http://localhost} never leaves the machine), so the check must be exact and cheap: it accepts
 * {@code localhost} (any case, optionally with a trailing dot), IPv4 literals in {@code 127.0.0.0/8} and the IPv6
 * literal {@code ::1} (bracketed or not, in any of its textual forms such as {@code 0:0:0:0:0:0:0:1}). A name that
 * merely resolves to a loopback address (for example an {@code /etc/hosts} alias) is not trusted.
 */
public final class LoopbackHost {

    private LoopbackHost() {
    }

    /**
     * Whether {@code host} (as returned by {@link java.net.URI#getHost()}) is a loopback host.
     * @param host the host, may be {@code null}
     * @return {@code true} for {@code localhost}, {@code 127.x.x.x} and {@code ::1}
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost") || host.equalsIgnoreCase("localhost.")) {
            return true;
        }
        if (host.startsWith("127.")) {
            return isIpv4Literal(host);
        }
        return isIpv6Loopback(host);
    }

    private static boolean isIpv4Literal(String host) {
        int octets = 0;
        int value = -1;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (value < 0) {
                    return false;
                }
                octets++;
                value = -1;
            }
            else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return false;
                }
            }
            else {
                return false;
            }
        }
        return value >= 0 && octets == 3;
    }

    private static boolean isIpv6Loopback(String host) {
        String literal = (host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']')
                ? host.substring(1, host.length() - 1) : host;
        if (literal.indexOf(':') < 0) {
            return false; // a name, not an IPv6 literal: never resolved here
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return false; // zone ids and anything else: not accepted
            }
        }
        try {
            // a string containing ':' is parsed as a literal, InetAddress does no lookup for it
            return InetAddress.getByName(literal).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

}
