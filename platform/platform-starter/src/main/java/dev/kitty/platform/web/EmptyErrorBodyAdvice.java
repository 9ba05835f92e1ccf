package dev.kitty.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives an error answered without a body (an actuator health group or component that does not
 * exist, a controller returning {@code ResponseEntity.notFound().build()}) the problem body
 * every other error has.
 */
@ControllerAdvice
class EmptyErrorBodyAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return JacksonJsonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null && response instanceof ServletServerHttpResponse servlet && servlet.getServletResponse().getStatus() >= 400) {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return EdgeProblems.forStatus(HttpStatusCode.valueOf(servlet.getServletResponse().getStatus()));
        }
        return body;
    }
}
