package io.github.oauthclient.sample.orders;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;

/**
 * The client side of the demo, an "orders service" calling the inventory API with tokens from the authorization
 * server. It is what a user's service looks like: the starter on the class path, {@code oauth.client.*} in
 * {@code application.yml}, a {@code RestClient} from Boot's builder ({@link InventoryClient}), and no OAuth code.
 *
 * <p>The exclusions exist only because this one demo jar also carries the embedded authorization server and the
 * protected API, and with them Spring Security; a real client service has no Spring Security on its class path and
 * the starter does not need it.
 */
@SpringBootApplication(exclude = { SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
		ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
		OAuth2AuthorizationServerJwtAutoConfiguration.class })
public class OrdersServiceApp {

}
