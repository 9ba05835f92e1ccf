package dev.kitty.platform.test.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Adds to a {@code @WebMvcTest} what the platform gives the running service: problem+json errors,
 * the resource-server filter chain with its 401/403 problems, method security and
 * {@code CurrentUser}. Tokens come from {@link JwtCallers}, so no JWKS is needed and none is decoded.
 *
 * <p>The auto-configurations are named in
 * {@code META-INF/spring/dev.kitty.platform.test.web.PlatformWebSlice.imports} rather than referenced:
 * platform-starter's own tests use this module, so it cannot depend on platform-starter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration
@MockitoBean(types = JwtDecoder.class)
public @interface PlatformWebSlice {
}
