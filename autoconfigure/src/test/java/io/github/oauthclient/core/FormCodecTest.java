package io.github.oauthclient.core;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The codec examples of the spec (sections 3.2, 3.3 and 7), written out. */
class FormCodecTest {

	@Test
	void encodesLikePythonQuotePlus() {
		assertThat(FormCodec.quotePlus("a b+c&d=e/f*g~h_i.j-k!l'm(n)o,p;q:r@s$t?u#v%w"))
			.isEqualTo("a+b%2Bc%26d%3De%2Ff%2Ag~h_i.j-k%21l%27m%28n%29o%2Cp%3Bq%3Ar%40s%24t%3Fu%23v%25w");
		assertThat(FormCodec.quotePlus("\u00fc")).isEqualTo("%C3%BC");
		assertThat(FormCodec.quotePlus("\ud83d\ude00")).isEqualTo("%F0%9F%98%80");
	}

	@Test
	void rejectsLoneSurrogatesWithoutQuotingTheValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FormCodec.encode(List.of(Map.entry("client_secret", "s3cr3t\ud800"))))
			.withMessageContaining("'client_secret'")
			.withMessageContaining("U+D800")
			.withMessageNotContaining("s3cr3t");
	}

	@Test
	void normalisesAnExistingBodyLeniently() {
		assertThat(FormCodec.addParamsToQs("a=1;b=2", List.of())).isEqualTo("a=1%3Bb%3D2");
		assertThat(FormCodec.addParamsToQs("a=1&&b=2", List.of())).isEqualTo("a=1&b=2");
		assertThat(FormCodec.addParamsToQs("=b&=&a=1=2&%41=%42", List.of())).isEqualTo("=b&=&a=1%3D2&A=B");
		assertThat(FormCodec.addParamsToQs("x=%7e&k=%zz&v=%C3%28&s=a b", List.of()))
			.isEqualTo("x=~&k=%25zz&v=%EF%BF%BD%28&s=a+b");
		assertThat(FormCodec.addParamsToQs("x=%ED%A0%80", List.of())).isEqualTo("x=%EF%BF%BD%EF%BF%BD%EF%BF%BD");
		assertThat(FormCodec.addParamsToQs(null, List.of(Map.entry("access_token", "tok"))))
			.isEqualTo("access_token=tok");
	}

	@Test
	void decodingWithoutBlankValuesDropsThem() {
		assertThat(FormCodec.decode("a&b=&c=1&=d", false)).containsExactly(Map.entry("c", "1"), Map.entry("", "d"));
		assertThat(FormCodec.decode("a&b=", true)).containsExactly(Map.entry("a", ""), Map.entry("b", ""));
	}

	@Test
	void addsParamsToUrisThroughPythonsUrlparse() {
		List<Map.Entry<String, String>> token = List.of(Map.entry("access_token", "tok"));
		assertThat(FormCodec.addParamsToUri("HTTPS://u:p@E.com:8443/p;x=1", token))
			.isEqualTo("https://u:p@E.com:8443/p;x=1?access_token=tok");
		assertThat(FormCodec.addParamsToUri("https://e.com/p?a=b%20c&x&y=%7e#frag", token))
			.isEqualTo("https://e.com/p?a=b+c&x=&y=~&access_token=tok#frag");
		assertThat(FormCodec.addParamsToUri("https://e.com", token)).isEqualTo("https://e.com?access_token=tok");
		assertThat(FormCodec.addParamsToUri("https://e.com/p;#", token)).isEqualTo("https://e.com/p?access_token=tok");
		assertThatIllegalArgumentException().isThrownBy(() -> FormCodec.addParamsToUri("https://[::1/p", token))
			.withMessage("Invalid IPv6 URL");
	}

}
