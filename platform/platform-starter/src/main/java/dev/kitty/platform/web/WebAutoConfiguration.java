package dev.kitty.platform.web;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
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

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrorReports {

        @Bean
        ProblemErrorReportValveCustomizer problemErrorReportValveCustomizer(JsonMapper json) {
            return new ProblemErrorReportValveCustomizer(json);
        }
    }
}
