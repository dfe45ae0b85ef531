package io.github.oauthclient.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RenewalPolicyTest {

	private final RenewalPolicy defaults = RenewalPolicy.defaults();

	private final Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

	@ParameterizedTest(name = "{0} s token: renewed after {1} s, handed out for {2} s")
	@CsvSource({
			"10, 7.5, 9.5",
			"60, 45, 57",
			"300, 225, 295",
			"3600, 3300, 3595",
			"86400, 86100, 86395" })
	void theDefaultsWorkFromTenSecondsToADay(long lifetime, double renewAfter, double usableFor) {
		long nanos = Duration.ofSeconds(lifetime).toNanos();
		assertThat(defaults.renewAfterNanos(nanos)).isEqualTo((long) (renewAfter * 1e9));
		assertThat(defaults.usableForNanos(nanos)).isEqualTo((long) (usableFor * 1e9));
		assertThat(defaults.renewAfterNanos(nanos)).isLessThan(defaults.usableForNanos(nanos));
	}

	@Test
	void aFixedRenewBeforeExpiryIsOnlyACap() {
		RenewalPolicy sixtySeconds = defaults.withMaxRenewalWindow(Duration.ofSeconds(60));
		// a 60 s token is not "expired on arrival": its window is still a quarter of its life
		assertThat(sixtySeconds.renewAfterNanos(Duration.ofSeconds(60).toNanos()))
				.isEqualTo(Duration.ofSeconds(45).toNanos());
		assertThat(sixtySeconds.renewAfterNanos(Duration.ofHours(1).toNanos()))
				.isEqualTo(Duration.ofSeconds(3540).toNanos());
	}

	@Test
	void lifetimeComesFromExpiresInFirst() {
		String jwt = TestTokens.jwt(clock.instant().plusSeconds(999));
		assertThat(defaults.lifetimeOf(tokenWith(jwt, 120L), clock)).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void lifetimeComesFromTheJwtExpWithoutExpiresIn() {
		String jwt = TestTokens.jwt(clock.instant().plusSeconds(999));
		assertThat(defaults.lifetimeOf(tokenWith(jwt, null), clock)).isEqualTo(Duration.ofSeconds(999));
		assertThat(defaults.withJwtExpiry(false).lifetimeOf(tokenWith(jwt, null), clock))
				.isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void anExpiredJwtFallsBackToTheDefaultLifetime() {
		String jwt = TestTokens.jwt(clock.instant().minusSeconds(10));
		assertThat(defaults.withDefaultLifetime(Duration.ofSeconds(42)).lifetimeOf(tokenWith(jwt, null), clock))
				.isEqualTo(Duration.ofSeconds(42));
	}

	@Test
	void hugeAndNegativeLifetimesStayInRange() {
		assertThat(defaults.lifetimeOf(tokenWith("opaque", Long.MAX_VALUE), clock).toDays()).isEqualTo(36500);
		assertThat(defaults.lifetimeOf(tokenWith("opaque", -5L), clock)).isZero();
	}

	@Test
	void coolDownHonoursRetryAfterUpToAMinute() {
		TokenAcquisitionException.Builder failure = TokenAcquisitionException.builder("r", "https://x/token");
		assertThat(defaults.coolDownAfter(failure.build())).isEqualTo(Duration.ofSeconds(1));
		assertThat(defaults.coolDownAfter(failure.retryAfter(Duration.ofSeconds(7)).build()))
				.isEqualTo(Duration.ofSeconds(7));
		assertThat(defaults.coolDownAfter(failure.retryAfter(Duration.ofHours(2)).build()))
				.isEqualTo(Duration.ofMinutes(1));
		assertThat(defaults.coolDownAfter(new IllegalStateException())).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withRenewalFraction(1.5))
				.withMessageContaining("renewalFraction");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withDefaultLifetime(Duration.ZERO))
				.withMessageContaining("defaultLifetime");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFailureCoolDown(Duration.ofSeconds(-1)))
				.withMessageContaining("failureCoolDown");
	}

	private static io.github.oauthclient.core.OAuth2Token tokenWith(String accessToken, Long expiresIn) {
		return (expiresIn != null) ? TestTokens.token(accessToken, expiresIn) : TestTokens.tokenWithoutExpiry(accessToken);
	}
}
