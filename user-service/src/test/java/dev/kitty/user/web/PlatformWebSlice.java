package dev.kitty.user.web;

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
 * Adds to a {@code @WebMvcTest} what the platform gives the running service: problem+json
 * errors, the resource-server filter chain with its 401/403 problems, method security and
 * {@code CurrentUser}. Tokens come from {@link Callers}, so no JWKS is needed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ImportAutoConfiguration({WebAutoConfiguration.class, ResourceServerAutoConfiguration.class})
@MockitoBean(types = JwtDecoder.class)
public @interface PlatformWebSlice {
}
