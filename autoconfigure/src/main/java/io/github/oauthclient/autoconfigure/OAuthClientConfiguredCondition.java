package io.github.oauthclient.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application configures the starter: some key under {@code oauth.client} other than
 * {@code enabled} is set. Without it an application that merely has the starter on its class path starts untouched
 * (no beans, no errors); with it, a missing or wrong key is reported at start-up.
 */
class OAuthClientConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("OAuth client configured");
		Map<String, Object> keys = Binder.get(context.getEnvironment())
			.bind(OAuthClientProperties.PREFIX, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		boolean configured = keys.keySet().stream().anyMatch((key) -> !key.equals("enabled"));
		if (configured) {
			return ConditionOutcome.match(message.foundExactly(OAuthClientProperties.PREFIX + ".* properties"));
		}
		return ConditionOutcome.noMatch(message.didNotFind(OAuthClientProperties.PREFIX + ".* properties").atAll());
	}

}
