package dev.kitty.auth;

import dev.kitty.platform.security.ResourceServerAutoConfiguration;
import dev.kitty.platform.web.WebAutoConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Adds the platform's problem+json advice and resource-server security to a
 * {@code @WebMvcTest} slice, so controllers are tested behind the same filter chain and
 * error bodies as in production. Tokens are not decoded in a slice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ImportAutoConfiguration({WebAutoConfiguration.class, ResourceServerAutoConfiguration.class})
@MockitoBean(types = JwtDecoder.class)
public @interface PlatformWebSlice {
}
