package io.github.oauthclient.token;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for where client credentials may be sent: over TLS, or in plain HTTP only to this machine's loopback
 * interface, unless the user explicitly allows insecure transport.
 *
 * <p>Exists because the token request carries the client secret, and the core (like oauthlib) only knows "https or
 * anything goes". A request to {@code http://localhost} never leaves the machine, so the starter exempts loopback
 * hosts; everything else in plain HTTP needs {@code insecure-transport}. The loopback check does no DNS lookup: it
 * accepts {@code localhost}, IPv4 literals in {@code 127.0.0.0/8} and the IPv6 literal {@code ::1}; a name that
 * merely resolves to a loopback address is not trusted.
 */
public final class TransportSecurity {

	private static final Pattern IPV4_LOOPBACK = Pattern.compile(
			"127\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){2}");

	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private TransportSecurity() {
	}

	/** Whether {@code uri} may carry credentials: https, or http to a loopback host, or anything if allowed. */
	public static boolean isAllowed(URI uri, boolean insecureTransport) {
		if (insecureTransport) {
			return true;
		}
		String scheme = uri.getScheme();
		if ("https".equalsIgnoreCase(scheme)) {
			return true;
		}
		return "http".equalsIgnoreCase(scheme) && isLoopback(uri.getHost());
	}

	/** Whether {@code host} (as {@link URI#getHost()} returns it) is a loopback host. */
	public static boolean isLoopback(String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String lower = host.toLowerCase(Locale.ROOT);
		if (lower.equals("localhost") || lower.equals("localhost.")) {
			return true;
		}
		if (IPV4_LOOPBACK.matcher(lower).matches()) {
			return true;
		}
		String literal = (lower.startsWith("[") && lower.endsWith("]")) ? lower.substring(1, lower.length() - 1)
				: lower;
		if (literal.indexOf(':') < 0 || !IPV6_LITERAL.matcher(literal).matches()) {
			return false;
		}
		try {
			// a string containing ':' is an IPv6 literal: InetAddress parses it without any lookup
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}
}
