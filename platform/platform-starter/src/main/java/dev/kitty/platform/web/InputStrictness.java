package dev.kitty.platform.web;

import java.math.BigDecimal;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The API reads and writes JSON and nothing else, and reads it strictly: a duplicate key or a
 * scalar of the wrong JSON type is a 400, not a guess. Jackson 3 by default would take the last
 * of two duplicate keys, {@code "true"} for a boolean, {@code "1"} or {@code 1.9} for an int,
 * {@code 1} or {@code true} for a string, and {@code 0} for an enum or a boolean.
 */
@Configuration(proxyBeanMethods = false)
class InputStrictness {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return InputStrictness::strict;
    }

    /**
     * Converters that read or write another format than JSON (YAML and XML come in with
     * libraries on the class path, e.g. Swagger's YAML support) are dropped for the API, so such
     * a body is 415 and such an {@code Accept} 406. String, byte and resource converters stay:
     * an endpoint may still declare {@code consumes = "text/csv"} and read the body as a String,
     * and {@code /v3/api-docs} and {@code /actuator/prometheus} write bytes or text.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer jsonOnlyApi() {
        return converters -> converters.configureMessageConvertersList(list -> list.removeIf(converter -> !servesTheApi(converter)));
    }

    static JsonMapper.Builder strict(JsonMapper.Builder json) {
        return json
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // money travels as a decimal string ("12.50", docs API conventions): keep reading it
                .withCoercionConfig(BigDecimal.class, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert));
    }

    static boolean servesTheApi(HttpMessageConverter<?> converter) {
        return converter instanceof StringHttpMessageConverter || converter instanceof ByteArrayHttpMessageConverter
                || converter instanceof ResourceHttpMessageConverter || converter instanceof ResourceRegionHttpMessageConverter
                || converter instanceof FormHttpMessageConverter
                || converter.getSupportedMediaTypes().stream().anyMatch(InputStrictness::isJson);
    }

    private static boolean isJson(MediaType type) {
        return "json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix());
    }
}
