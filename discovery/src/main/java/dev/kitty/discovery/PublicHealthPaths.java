package dev.kitty.discovery;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The actuator lives on the management port; on the public port health keeps its usual paths, forwarded to the
 * single-segment ones Boot serves there ({@code /healthz}, {@code /livez}, {@code /readyz}; see application.yml).
 */
@Configuration(proxyBeanMethods = false)
class PublicHealthPaths implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/actuator/health").setViewName("forward:/healthz");
        registry.addViewController("/actuator/health/liveness").setViewName("forward:/livez");
        registry.addViewController("/actuator/health/readiness").setViewName("forward:/readyz");
    }
}
