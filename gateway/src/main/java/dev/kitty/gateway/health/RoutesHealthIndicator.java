package dev.kitty.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Part of the gateway's readiness ({@code routes}): for every service a configured route leads to
 * ({@code lb://<service>}), the load balancer that routing uses can choose an instance. Until then a request for
 * that service would be answered 503.
 */
@Component
class RoutesHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration CHOICE_TIMEOUT = Duration.ofSeconds(2);

    private final RouteDefinitionLocator routes;
    private final ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers;

    RoutesHealthIndicator(RouteDefinitionLocator routes, ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers) {
        this.routes = routes;
        this.loadBalancers = loadBalancers;
    }

    @Override
    public Mono<Health> health() {
        return routes.getRouteDefinitions()
                .map(RouteDefinition::getUri)
                .filter(uri -> "lb".equals(uri.getScheme()))
                .map(URI::getHost)
                .distinct()
                .flatMap(service -> routable(service).map(routable -> Map.entry(service, routable)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(RoutesHealthIndicator::health);
    }

    private Mono<Boolean> routable(String service) {
        return Flux.from(loadBalancers.getInstance(service).choose())
                .next()
                .map(Response::hasServer)
                .timeout(CHOICE_TIMEOUT)
                .onErrorReturn(false)
                .defaultIfEmpty(false);
    }

    private static Health health(Map<String, Boolean> routable) {
        List<String> missing = routable.entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey).toList();
        var health = missing.isEmpty() ? Health.up() : Health.down().withDetail("noInstance", missing);
        return health.withDetail("services", routable.keySet()).build();
    }
}
