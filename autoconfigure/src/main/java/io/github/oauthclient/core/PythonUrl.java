package io.github.oauthclient.core;

import java.text.Normalizer;
import java.util.Set;

/**
 * Python 3.11's {@code urllib.parse.urlparse}/{@code urlunparse}, which oauthlib round-trips a URI through when
 * it puts a token into the query. The round trip is not the identity (scheme lower-cased, {@code ;} params and
 * empty {@code ?}/{@code #} dropped, tabs and newlines removed), and a port must reproduce it to send the same
 * URI. {@code java.net.URI} and Spring's {@code UriComponentsBuilder} reject or re-encode input Python accepts.
 */
final class PythonUrl {

	private static final Set<String> USES_PARAMS = Set.of("", "ftp", "hdl", "prospero", "http", "imap", "https",
			"shttp", "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel");

	private static final Set<String> USES_NETLOC = Set.of("", "ftp", "http", "gopher", "nntp", "telnet", "imap",
			"wais", "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh",
			"sftp", "nfs", "git", "git+ssh", "ws", "wss");

	private PythonUrl() {
	}

	/** The six components of Python's {@code ParseResult}. */
	record Parts(String scheme, String netloc, String path, String params, String query, String fragment) {

		Parts withQuery(String newQuery) {
			return new Parts(this.scheme, this.netloc, this.path, this.params, newQuery, this.fragment);
		}

		/** Python {@code urlunparse(self)}. */
		String unparse() {
			String url = this.params.isEmpty() ? this.path : this.path + ";" + this.params;
			if (!this.netloc.isEmpty()
					|| (!this.scheme.isEmpty() && USES_NETLOC.contains(this.scheme) && !url.startsWith("//"))) {
				if (!url.isEmpty() && url.charAt(0) != '/') {
					url = "/" + url;
				}
				url = "//" + this.netloc + url;
			}
			if (!this.scheme.isEmpty()) {
				url = this.scheme + ":" + url;
			}
			if (!this.query.isEmpty()) {
				url = url + "?" + this.query;
			}
			if (!this.fragment.isEmpty()) {
				url = url + "#" + this.fragment;
			}
			return url;
		}

	}

	/** Python {@code urlparse(url)}; throws {@link IllegalArgumentException} where Python raises ValueError. */
	static Parts parse(String url) {
		if (url == null) {
			throw new IllegalArgumentException("The URI must not be null");
		}
		url = stripLeadingControlOrSpace(url).replace("\t", "").replace("\r", "").replace("\n", "");
		String scheme = "";
		String netloc = "";
		String query = "";
		String fragment = "";
		int colon = url.indexOf(':');
		if (colon > 0 && isAsciiLetter(url.charAt(0)) && isSchemeChars(url, colon)) {
			scheme = url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
			url = url.substring(colon + 1);
		}
		if (url.startsWith("//")) {
			int delim = url.length();
			for (char c : new char[] { '/', '?', '#' }) {
				int at = url.indexOf(c, 2);
				if (at >= 0) {
					delim = Math.min(delim, at);
				}
			}
			netloc = url.substring(2, delim);
			url = url.substring(delim);
			checkBrackets(netloc);
		}
		int hash = url.indexOf('#');
		if (hash >= 0) {
			fragment = url.substring(hash + 1);
			url = url.substring(0, hash);
		}
		int question = url.indexOf('?');
		if (question >= 0) {
			query = url.substring(question + 1);
			url = url.substring(0, question);
		}
		checkNfkc(netloc);
		String params = "";
		if (USES_PARAMS.contains(scheme) && url.indexOf(';') >= 0) {
			int semicolon;
			int slash = url.lastIndexOf('/');
			semicolon = (slash >= 0) ? url.indexOf(';', slash) : url.indexOf(';');
			if (semicolon >= 0) {
				params = url.substring(semicolon + 1);
				url = url.substring(0, semicolon);
			}
		}
		return new Parts(scheme, netloc, url, params, query, fragment);
	}

	/** Python {@code host_from_uri}: the netloc split at its first colon, or the scheme's default port. */
	static String[] hostAndPort(String uri) {
		Parts parts = parse(uri);
		String netloc = parts.netloc();
		int colon = netloc.indexOf(':');
		if (colon >= 0) {
			return new String[] { netloc.substring(0, colon), netloc.substring(colon + 1) };
		}
		String upper = parts.scheme().toUpperCase(java.util.Locale.ROOT);
		String port = upper.equals("HTTP") ? "80" : upper.equals("HTTPS") ? "443" : null;
		return new String[] { netloc, port };
	}

	private static String stripLeadingControlOrSpace(String url) {
		int i = 0;
		while (i < url.length() && url.charAt(i) <= ' ') {
			i++;
		}
		return url.substring(i);
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isSchemeChars(String url, int end) {
		for (int i = 0; i < end; i++) {
			char c = url.charAt(i);
			if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	private static void checkBrackets(String netloc) {
		boolean open = netloc.indexOf('[') >= 0;
		boolean close = netloc.indexOf(']') >= 0;
		if (open != close) {
			throw new IllegalArgumentException("Invalid IPv6 URL");
		}
		if (!open) {
			return;
		}
		String hostAndPort = netloc.substring(netloc.lastIndexOf('@') + 1);
		int bracket = hostAndPort.indexOf('[');
		String hostname;
		if (bracket >= 0) {
			if (bracket > 0) {
				throw new IllegalArgumentException("Invalid IPv6 URL");
			}
			String bracketed = hostAndPort.substring(bracket + 1);
			int end = bracketed.indexOf(']');
			hostname = (end >= 0) ? bracketed.substring(0, end) : bracketed;
			String port = (end >= 0) ? bracketed.substring(end + 1) : "";
			if (!port.isEmpty() && !port.startsWith(":")) {
				throw new IllegalArgumentException("Invalid IPv6 URL");
			}
		}
		else {
			int colon = hostAndPort.indexOf(':');
			hostname = (colon >= 0) ? hostAndPort.substring(0, colon) : hostAndPort;
		}
		checkBracketedHost(hostname);
	}

	private static void checkBracketedHost(String hostname) {
		if (hostname.startsWith("v")) {
			if (!hostname.matches("(?s)v[a-fA-F0-9]+\\..+")) {
				throw new IllegalArgumentException("IPvFuture address is invalid");
			}
			return;
		}
		if (IpLiteral.isIpv4(hostname)) {
			throw new IllegalArgumentException("An IPv4 address cannot be in brackets");
		}
		if (!IpLiteral.isIpv6(hostname)) {
			throw new IllegalArgumentException(
					PythonRepr.repr(hostname) + " does not appear to be an IPv4 or IPv6 address");
		}
	}

	private static void checkNfkc(String netloc) {
		if (netloc.isEmpty() || netloc.chars().allMatch((c) -> c < 0x80)) {
			return;
		}
		String n = netloc.replace("@", "").replace(":", "").replace("#", "").replace("?", "");
		String normalized = Normalizer.normalize(n, Normalizer.Form.NFKC);
		if (n.equals(normalized)) {
			return;
		}
		for (char c : "/?#@:".toCharArray()) {
			if (normalized.indexOf(c) >= 0) {
				// Python quotes the netloc; we do not, because it may hold user:password.
				throw new IllegalArgumentException("The URI's netloc contains characters that NFKC normalization "
						+ "turns into URL delimiters (Python: \"contains invalid characters under NFKC normalization\")");
			}
		}
	}

}
