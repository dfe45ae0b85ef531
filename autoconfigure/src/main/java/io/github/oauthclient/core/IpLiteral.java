package io.github.oauthclient.core;

/**
 * The IP literal checks Python's {@code urlsplit} applies to a bracketed host ({@code ipaddress.ip_address}),
 * done by hand because {@link java.net.InetAddress} may resolve names and accepts forms Python rejects.
 */
final class IpLiteral {

	private IpLiteral() {
	}

	/** Python {@code IPv4Address(s)} succeeds: four dot-separated decimal octets, no leading zeros. */
	static boolean isIpv4(String s) {
		String[] octets = s.split("\\.", -1);
		if (octets.length != 4) {
			return false;
		}
		for (String octet : octets) {
			if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return false;
			}
			if (Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.charAt(0) == '0')) {
				return false;
			}
		}
		return true;
	}

	/** Python {@code IPv6Address(s)} succeeds (including {@code ::}, an embedded IPv4 tail and {@code %scope}). */
	static boolean isIpv6(String s) {
		int percent = s.indexOf('%');
		if (percent >= 0) {
			String scope = s.substring(percent + 1);
			if (scope.isEmpty() || scope.indexOf('%') >= 0) {
				return false;
			}
			s = s.substring(0, percent);
		}
		if (s.isEmpty()) {
			return false;
		}
		String[] parts = s.split(":", -1);
		if (parts.length < 3) {
			return false;
		}
		int count = parts.length;
		if (parts[count - 1].indexOf('.') >= 0) {
			if (!isIpv4(parts[count - 1])) {
				return false;
			}
			String[] widened = new String[count + 1];
			System.arraycopy(parts, 0, widened, 0, count - 1);
			widened[count - 1] = "0";
			widened[count] = "0";
			parts = widened;
			count++;
		}
		if (count > 9) {
			return false;
		}
		int skip = -1;
		for (int i = 1; i < count - 1; i++) {
			if (parts[i].isEmpty()) {
				if (skip >= 0) {
					return false;
				}
				skip = i;
			}
		}
		if (skip >= 0) {
			int hi = skip;
			int lo = count - skip - 1;
			if (parts[0].isEmpty() && --hi != 0) {
				return false;
			}
			if (parts[count - 1].isEmpty() && --lo != 0) {
				return false;
			}
			if (8 - (hi + lo) < 1) {
				return false;
			}
		}
		else if (count != 8 || parts[0].isEmpty() || parts[count - 1].isEmpty()) {
			return false;
		}
		for (int i = 0; i < count; i++) {
			boolean skipped = (skip >= 0) && (i == skip || (i == 0 && parts[0].isEmpty())
					|| (i == count - 1 && parts[count - 1].isEmpty()));
			if (!skipped && !isHextet(parts[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHextet(String part) {
		if (part.isEmpty() || part.length() > 4) {
			return false;
		}
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
				return false;
			}
		}
		return true;
	}

}
