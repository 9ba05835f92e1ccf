package dev.kitty.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * Fetches auth-service's key set the way the platform's {@code JwtDecoder} does: plain HTTP, with
 * {@code lb://<service>/...} resolved by the same Spring Cloud load balancer (and so the same Eureka registry copy).
 */
final class JwkSetClient {

    private final URI uri;
    private final RestTemplate rest;

    private JwkSetClient(URI uri, RestTemplate rest) {
        this.uri = uri;
        this.rest = rest;
    }

    static JwkSetClient create(URI jwkSetUri, @Nullable LoadBalancerInterceptor loadBalancer, Duration timeout) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(timeout);
        requestFactory.setReadTimeout(timeout);
        var rest = new RestTemplate(requestFactory);
        var uri = jwkSetUri;
        if ("lb".equals(jwkSetUri.getScheme())) {
            if (loadBalancer == null) {
                throw new IllegalStateException("kitty.security.jwk-set-uri uses lb:// but no load balancer is available");
            }
            rest.getInterceptors().add(loadBalancer);
            uri = URI.create("http" + jwkSetUri.toString().substring(2));
        }
        return new JwkSetClient(uri, rest);
    }

    /** The URI as requested: {@code http://auth-service/...} for a load-balanced one. */
    URI uri() {
        return uri;
    }

    /** The HTTP client, for a decoder that fetches the same key set. */
    RestTemplate rest() {
        return rest;
    }

    /** Fetches and parses the key set; any failure (no instance, connection, status, body) is thrown. */
    JWKSet fetch() throws ParseException {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.valueOf("application/jwk-set+json")));
        var body = rest.exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
        if (body == null) {
            throw new ParseException("empty response", 0);
        }
        return JWKSet.parse(body);
    }
}
