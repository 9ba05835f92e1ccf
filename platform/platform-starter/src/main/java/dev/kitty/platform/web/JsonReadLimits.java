package dev.kitty.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.core.StreamReadConstraints;

/**
 * Jackson's read limits for every JSON document the service parses: request bodies, events, responses of other
 * services. Boot 4.0 has no property for them and a {@code JsonMapper.Builder} customizer cannot swap the builder's
 * {@code JsonFactory}, so they are Jackson's process-wide defaults, set before any mapper exists (an environment
 * post-processor runs first). Jackson 3's own defaults allow 500 levels and documents of any length; the API's
 * bodies are three levels deep and a few KB. Over either: 400 {@code malformed-request}.
 */
public class JsonReadLimits implements EnvironmentPostProcessor {

    static final int MAX_NESTING_DEPTH = 64;
    static final long MAX_DOCUMENT_LENGTH = 2L * 1024 * 1024;
    static final int MAX_STRING_LENGTH = 1024 * 1024;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
    }
}
