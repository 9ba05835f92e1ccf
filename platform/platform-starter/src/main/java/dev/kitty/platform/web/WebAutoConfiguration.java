package dev.kitty.platform.web;

import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * problem+json for every error a client can cause, the same in every service, from whichever
 * layer refuses the request: Tomcat, the error page, Spring MVC. The API reads and writes
 * strict JSON only.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, EmptyErrorBodyAdvice.class, InputStrictness.class})
public class WebAutoConfiguration {

    /** Replaces Boot's {@code BasicErrorController}, which backs off when any ErrorController exists. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Before security and everything else that might read the body (docs/hostile-input.md). */
    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(@Value("${kitty.web.max-json-body-size:1MB}") DataSize maxJsonBody,
            JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestBodyGuard(maxJsonBody, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrorReports {

        @Bean
        ProblemErrorReportValveCustomizer problemErrorReportValveCustomizer(JsonMapper json) {
            return new ProblemErrorReportValveCustomizer(json);
        }
    }
}
