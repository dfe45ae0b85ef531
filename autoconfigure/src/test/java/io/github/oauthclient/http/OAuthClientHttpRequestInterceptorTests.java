package io.github.oauthclient.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.core.TokenPlacement;
import io.github.oauthclient.token.TokenProvider;

/**
 * The interceptor against a scripted chain: routing, placements, the TLS rule and the 401 retry. The real-server
 * behaviour is covered end to end in the auto-configuration tests.
 */
class OAuthClientHttpRequestInterceptorTests {

	private final RecordingExecution execution = new RecordingExecution();

	@Test
	void aRequestNoRouteServesGoesOutUnchanged() throws IOException {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(route("api", tokens("t1"),
				"https://api.example.com/v1"));
		MockClientHttpRequest request = request(HttpMethod.POST, "https://other.example.com/v1/x");
		request.getHeaders().set("Authorization", "Basic abc");
		byte[] body = "payload".getBytes(StandardCharsets.UTF_8);
		interceptor.intercept(request, body, this.execution);
		Sent sent = this.execution.only();
		assertThat(sent.request()).isSameAs(request);
		assertThat(sent.body()).isSameAs(body);
		assertThat(sent.authorization()).isEqualTo("Basic abc");
	}

	@Test
	void headerPlacementSetsTheBearerHeaderReplacingAnyOther() throws IOException {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(route("api", tokens("t o+k"),
				"https://api.example.com"));
		MockClientHttpRequest request = request(HttpMethod.GET, "https://api.example.com/orders");
		request.getHeaders().set("Authorization", "Basic abc");
		interceptor.intercept(request, new byte[0], this.execution);
		assertThat(this.execution.only().authorization()).isEqualTo("Bearer t o+k");
		assertThat(request.getHeaders().get("Authorization")).hasSize(1);
	}

	@Test
	void theLongestMatchingPrefixWins() throws IOException {
		ScriptedTokens general = tokens("general");
		ScriptedTokens admin = tokens("admin");
		OAuthClientHttpRequestInterceptor interceptor = interceptor(
				route("general", general, "https://api.example.com/v1"),
				route("admin", admin, "https://api.example.com/v1/admin"));
		interceptor.intercept(request(HttpMethod.GET, "https://api.example.com/v1/admin/users"), new byte[0],
				this.execution);
		interceptor.intercept(request(HttpMethod.GET, "https://api.example.com/v1/orders"), new byte[0],
				this.execution);
		interceptor.intercept(request(HttpMethod.GET, "https://api.example.com/v1/administrators"), new byte[0],
				this.execution);
		interceptor.intercept(request(HttpMethod.GET, "https://api.example.com/v10"), new byte[0], this.execution);
		assertThat(this.execution.sent).extracting(Sent::authorization)
			.containsExactly("Bearer admin", "Bearer general", "Bearer general", null);
	}

	@Test
	void aRouteWithoutResourceUrlsServesEveryHttpsRequest() throws IOException {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(route("only", tokens("t1")));
		interceptor.intercept(request(HttpMethod.GET, "https://anything.example.org/x"), new byte[0],
				this.execution);
		interceptor.intercept(request(HttpMethod.GET, "http://localhost:8080/x"), new byte[0], this.execution);
		interceptor.intercept(request(HttpMethod.GET, "http://127.0.0.1:8080/x"), new byte[0], this.execution);
		assertThat(this.execution.sent).extracting(Sent::authorization).containsOnly("Bearer t1");
	}

	@Test
	void aTokenNeverGoesOverPlainHttpToARemoteHost() {
		ScriptedTokens tokens = tokens("secret-token-value");
		OAuthClientHttpRequestInterceptor interceptor = interceptor(TokenRoute.builder("only", tokens)
			.insecureTransportProperty("oauth.client.insecure-transport")
			.build());
		assertThatThrownBy(() -> interceptor.intercept(request(HttpMethod.GET, "http://api.example.com/x"),
				new byte[0], this.execution))
			.isInstanceOf(InsecureResourceTransportException.class)
			.hasMessageContaining("registration 'only'")
			.hasMessageContaining("api.example.com")
			.hasMessageContaining("oauth.client.insecure-transport=true")
			.hasMessageNotContaining("secret-token-value");
		assertThat(this.execution.sent).isEmpty();
		assertThat(tokens.issued).as("no token is even fetched").isZero();
	}

	@Test
	void insecureTransportAllowsPlainHttp() throws IOException {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(TokenRoute.builder("only", tokens("t1"))
			.insecureTransport(true)
			.build());
		interceptor.intercept(request(HttpMethod.GET, "http://api.example.com/x"), new byte[0], this.execution);
		assertThat(this.execution.only().authorization()).isEqualTo("Bearer t1");
	}

	@Test
	void aPlainHttpResourceUrlToARemoteHostIsRefusedUpFront() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> route("api", tokens("t"), "http://api.example.com"))
			.withMessageContaining("plain http");
		assertThat(route("api", tokens("t"), "http://localhost:8080").resourceUrls()).hasSize(1);
	}

	@Test
	void ambiguousRoutesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> interceptor(route("a", tokens("t")),
				route("b", tokens("t"))))
			.withMessageContaining("both list no resource URLs");
		assertThatIllegalArgumentException().isThrownBy(() -> interceptor(
				route("a", tokens("t"), "https://api.example.com/v1"),
				route("b", tokens("t"), "https://API.example.com:443/v1/")))
			.withMessageContaining("listed by registrations 'a' and 'b'");
	}

	@Test
	void on401TheTokenIsInvalidatedAndTheRequestSentOnceMoreWithAFreshOne() throws IOException {
		ScriptedTokens tokens = tokens("t1", "t2");
		OAuthClientHttpRequestInterceptor interceptor = interceptor(route("api", tokens, "https://api.example.com"));
		Response rejected = new Response(HttpStatus.UNAUTHORIZED);
		Response accepted = new Response(HttpStatus.OK);
		this.execution.responses.add(rejected);
		this.execution.responses.add(accepted);
		byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		ClientHttpResponse response = interceptor.intercept(request(HttpMethod.POST, "https://api.example.com/x"),
				body, this.execution);
		assertThat(response).isSameAs(accepted);
		assertThat(rejected.closed).isTrue();
		assertThat(tokens.invalidated).extracting(OAuth2Token::accessToken).containsExactly("t1");
		assertThat(this.execution.sent).extracting(Sent::authorization).containsExactly("Bearer t1", "Bearer t2");
		assertThat(this.execution.sent).extracting(Sent::body).containsOnly(body);
	}

	@Test
	void aSecond401IsReturnedAsIs() throws IOException {
		ScriptedTokens tokens = tokens("t1", "t2", "t3");
		OAuthClientHttpRequestInterceptor interceptor = interceptor(route("api", tokens, "https://api.example.com"));
		Response second = new Response(HttpStatus.UNAUTHORIZED);
		this.execution.responses.add(new Response(HttpStatus.UNAUTHORIZED));
		this.execution.responses.add(second);
		ClientHttpResponse response = interceptor.intercept(request(HttpMethod.GET, "https://api.example.com/x"),
				new byte[0], this.execution);
		assertThat(response).isSameAs(second);
		assertThat(second.closed).isFalse();
		assertThat(this.execution.sent).hasSize(2);
		assertThat(tokens.issued).isEqualTo(2);
	}

	@Test
	void otherErrorsAreNotRetried() throws IOException {
		ScriptedTokens tokens = tokens("t1", "t2");
		OAuthClientHttpRequestInterceptor interceptor = interceptor(route("api", tokens, "https://api.example.com"));
		this.execution.responses.add(new Response(HttpStatus.FORBIDDEN));
		assertThat(interceptor.intercept(request(HttpMethod.GET, "https://api.example.com/x"), new byte[0],
				this.execution).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.execution.sent).hasSize(1);
		assertThat(tokens.invalidated).isEmpty();
	}

	@Test
	void theHeaderValueIsBuiltOncePerToken() {
		HeaderTokenPlacer placer = new HeaderTokenPlacer("api");
		OAuth2Token first = token("t1", "Bearer");
		String value = placer.headerValue(first);
		assertThat(placer.headerValue(first)).isSameAs(value);
		OAuth2Token second = token("t2", "Bearer");
		assertThat(placer.headerValue(second)).isEqualTo("Bearer t2");
		assertThat(placer.headerValue(first)).isEqualTo("Bearer t1");
	}

	@Test
	void tokenTypeBearerInAnyCaseOrMissingIsSentOthersAreRefused() {
		HeaderTokenPlacer placer = new HeaderTokenPlacer("api");
		assertThat(placer.headerValue(token("a", "bearer"))).isEqualTo("Bearer a");
		assertThat(placer.headerValue(token("b", null))).isEqualTo("Bearer b");
		assertThatIllegalStateException().isThrownBy(() -> placer.headerValue(token("secret-c", "MAC")))
			.withMessageContaining("type 'MAC'")
			.withMessageNotContaining("secret-c");
	}

	@Test
	void queryPlacementAppendsTheTokenAsOauthlibDoesAndKeepsTheOriginal() throws IOException {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(TokenRoute.builder("api", tokens("t o+k&"))
			.resourceUrls(List.of(ResourceUrl.parse("https://api.example.com")))
			.placement(TokenPlacement.QUERY)
			.build());
		MockClientHttpRequest request = request(HttpMethod.GET, "https://api.example.com/p?a=b%20c&x#frag");
		interceptor.intercept(request, new byte[0], this.execution);
		Sent sent = this.execution.only();
		assertThat(sent.uri()).hasToString("https://api.example.com/p?a=b+c&x=&access_token=t+o%2Bk%26#frag");
		assertThat(sent.authorization()).isNull();
		assertThat(request.getURI()).hasToString("https://api.example.com/p?a=b%20c&x#frag");
	}

	@Test
	void queryPlacementRetriesFromTheOriginalUri() throws IOException {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(TokenRoute.builder("api", tokens("t1", "t2"))
			.placement(TokenPlacement.QUERY)
			.build());
		this.execution.responses.add(new Response(HttpStatus.UNAUTHORIZED));
		interceptor.intercept(request(HttpMethod.GET, "https://api.example.com/p?q=1"), new byte[0], this.execution);
		assertThat(this.execution.sent).extracting((sent) -> sent.uri().toString())
			.containsExactly("https://api.example.com/p?q=1&access_token=t1",
					"https://api.example.com/p?q=1&access_token=t2");
	}

	@Test
	void bodyPlacementAppendsToAFormBodyAndRetriesFromTheOriginal() throws IOException {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(TokenRoute.builder("api", tokens("t1", "t2"))
			.placement(TokenPlacement.BODY)
			.build());
		MockClientHttpRequest request = request(HttpMethod.POST, "https://api.example.com/orders");
		request.getHeaders().setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		byte[] body = "item=caf%C3%A9&n=1".getBytes(StandardCharsets.UTF_8);
		this.execution.responses.add(new Response(HttpStatus.UNAUTHORIZED));
		interceptor.intercept(request, body, this.execution);
		assertThat(this.execution.sent).extracting((sent) -> new String(sent.body(), StandardCharsets.UTF_8))
			.containsExactly("item=caf%C3%A9&n=1&access_token=t1", "item=caf%C3%A9&n=1&access_token=t2");
		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("item=caf%C3%A9&n=1");
	}

	@Test
	void bodyPlacementCreatesAFormBodyForABodilessPost() throws IOException {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(TokenRoute.builder("api", tokens("t1"))
			.placement(TokenPlacement.BODY)
			.build());
		MockClientHttpRequest request = request(HttpMethod.POST, "https://api.example.com/orders");
		interceptor.intercept(request, new byte[0], this.execution);
		assertThat(new String(this.execution.only().body(), StandardCharsets.UTF_8)).isEqualTo("access_token=t1");
		assertThat(request.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_FORM_URLENCODED);
	}

	@Test
	void bodyPlacementRefusesGetAndNonFormBodiesClearly() {
		OAuthClientHttpRequestInterceptor interceptor = interceptor(TokenRoute.builder("api", tokens("secret-t"))
			.placement(TokenPlacement.BODY)
			.build());
		assertThatIllegalStateException()
			.isThrownBy(() -> interceptor.intercept(request(HttpMethod.GET, "https://api.example.com/x"), new byte[0],
					this.execution))
			.withMessageContaining("token-placement body")
			.withMessageContaining("GET");
		MockClientHttpRequest json = request(HttpMethod.POST, "https://api.example.com/x");
		json.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		assertThatIllegalStateException()
			.isThrownBy(() -> interceptor.intercept(json, "{}".getBytes(StandardCharsets.UTF_8), this.execution))
			.withMessageContaining("application/json")
			.withMessageContaining("not application/x-www-form-urlencoded")
			.withMessageNotContaining("secret-t");
		assertThat(this.execution.sent).isEmpty();
	}

	private static OAuthClientHttpRequestInterceptor interceptor(TokenRoute... routes) {
		return new OAuthClientHttpRequestInterceptor(List.of(routes));
	}

	private static TokenRoute route(String name, TokenProvider tokens, String... resourceUrls) {
		return TokenRoute.builder(name, tokens)
			.resourceUrls(java.util.Arrays.stream(resourceUrls).map(ResourceUrl::parse).toList())
			.build();
	}

	private static MockClientHttpRequest request(HttpMethod method, String uri) {
		return new MockClientHttpRequest(method, URI.create(uri));
	}

	private static OAuth2Token token(String value, String type) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		fields.put("access_token", value);
		if (type != null) {
			fields.put("token_type", type);
		}
		return OAuth2Token.of(fields);
	}

	private static ScriptedTokens tokens(String... values) {
		return new ScriptedTokens(values);
	}

	/** Hands out the given tokens in turn (the last one again once exhausted); records invalidations. */
	static final class ScriptedTokens implements TokenProvider {

		final Deque<OAuth2Token> upcoming = new ArrayDeque<>();

		final List<OAuth2Token> invalidated = new ArrayList<>();

		OAuth2Token current;

		int issued;

		ScriptedTokens(String... values) {
			for (String value : values) {
				this.upcoming.add(OAuthClientHttpRequestInterceptorTests.token(value, "Bearer"));
			}
		}

		@Override
		public OAuth2Token token() {
			if (this.current == null) {
				this.current = this.upcoming.isEmpty() ? null : this.upcoming.poll();
				this.issued++;
			}
			return this.current;
		}

		@Override
		public void invalidate(OAuth2Token rejected) {
			this.invalidated.add(rejected);
			if (this.current == rejected) {
				this.current = null;
			}
		}

	}

	/** A response that remembers whether it was closed. */
	static final class Response extends MockClientHttpResponse {

		boolean closed;

		Response(HttpStatus status) {
			super(new byte[0], status);
		}

		@Override
		public void close() {
			this.closed = true;
			super.close();
		}

	}

	record Sent(HttpRequest request, URI uri, String authorization, byte[] body) {
	}

	/** Records what would have gone out; answers with the queued responses, then 200. */
	static final class RecordingExecution implements ClientHttpRequestExecution {

		final List<Sent> sent = new ArrayList<>();

		final Deque<ClientHttpResponse> responses = new ArrayDeque<>();

		@Override
		public ClientHttpResponse execute(HttpRequest request, byte[] body) {
			this.sent.add(new Sent(request, request.getURI(), request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
					body));
			ClientHttpResponse next = this.responses.poll();
			return (next != null) ? next : new Response(HttpStatus.OK);
		}

		Sent only() {
			assertThat(this.sent).hasSize(1);
			return this.sent.get(0);
		}

	}

}
