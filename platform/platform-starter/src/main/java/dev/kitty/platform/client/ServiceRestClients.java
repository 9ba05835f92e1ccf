package dev.kitty.platform.client;

import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one way a service builds a {@link RestClient} for calling another Kitty service by name
 * ({@code http://budget-service}): through the load balancer when discovery provides one, with a timeout for
 * connecting and one for the answer (a synchronous call must never hold a request thread longer), and observed, so
 * the call joins the caller's trace ({@code traceparent}) like Boot's own builders' calls. Put a circuit breaker
 * around the calls: the client has none of its own.
 */
public final class ServiceRestClients {

    private ServiceRestClients() {
    }

    /**
     * @param loadBalancer Spring Cloud's load-balancer interceptor; absent when discovery is off (some tests): then
     *                     the URI's host is used as it is
     */
    public static RestClient create(Duration timeout, ObjectProvider<? extends ClientHttpRequestInterceptor> loadBalancer,
            ObjectProvider<ObservationRegistry> observations) {
        var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build());
        requestFactory.setReadTimeout(timeout);
        var builder = RestClient.builder()
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .requestFactory(requestFactory);
        loadBalancer.ifAvailable(builder::requestInterceptor);
        return builder.build();
    }
}
