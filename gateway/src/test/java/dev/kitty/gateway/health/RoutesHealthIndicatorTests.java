package dev.kitty.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RoutesHealthIndicatorTests {

    @SuppressWarnings("unchecked")
    private final ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers = mock(ReactiveLoadBalancer.Factory.class);

    private final RouteDefinitionLocator routes = () -> Flux.just(
            route("lb://auth-service"), route("lb://user-service"), route("lb://user-service"),
            route("forward:/readyz"), route("http://example.org"));

    @Test
    void isUpWhenEveryRoutedServiceHasAnInstance() {
        given(loadBalancers.getInstance(anyString())).willAnswer(call -> withInstance(call.getArgument(0)));

        var health = new RoutesHealthIndicator(routes, loadBalancers).health().block();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("services", Set.of("auth-service", "user-service"));
    }

    @Test
    void isDownWhileAServiceHasNoInstanceToRouteTo() {
        given(loadBalancers.getInstance("auth-service")).willReturn(withInstance("auth-service"));
        given(loadBalancers.getInstance("user-service")).willReturn(request -> Mono.just(new EmptyResponse()));

        var health = new RoutesHealthIndicator(routes, loadBalancers).health().block();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("noInstance", List.of("user-service"));
    }

    @Test
    void isDownWhenTheLoadBalancerFails() {
        given(loadBalancers.getInstance(anyString())).willReturn(request -> Mono.error(new IllegalStateException("boom")));

        var health = new RoutesHealthIndicator(routes, loadBalancers).health().block();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    private static ReactiveLoadBalancer<ServiceInstance> withInstance(String service) {
        var instance = new DefaultServiceInstance(service + "-1", service, "127.0.0.1", 1, false);
        return request -> Mono.just(new DefaultResponse(instance));
    }

    private static RouteDefinition route(String uri) {
        var route = new RouteDefinition();
        route.setUri(URI.create(uri));
        return route;
    }
}
