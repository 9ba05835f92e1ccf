package dev.kitty.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The default internal paths: what only services call never leaves the gateway's edge (404), whatever the spelling. */
class InternalPathsPropertiesTests {

    private final InternalPathsProperties defaults = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("kitty.gateway.internal", InternalPathsProperties.class);

    @ParameterizedTest(name = "{0} internal: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/auth/exchange                                 | true
            /api/auth/exchange/anything                        | true
            /api/auth/internal                                 | true
            /api/auth/internal/account-deletion-approvals      | true
            /api/auth/internal/account-deletion-approvals/x    | true
            /api/auth/x/../internal/account-deletion-approvals | true
            /api/auth/login                                    | false
            /api/auth/internals                                | false
            /api/users/me                                      | false
            """)
    void keepsExchangeAndInternalPathsFromRoutes(String path, boolean internal) {
        var routed = new AtomicBoolean();
        var filter = new InternalPathsFilter(defaults);
        var call = filter.filter(MockServerWebExchange.from(MockServerHttpRequest.post(path).build()), exchange -> {
            routed.set(true);
            return Mono.empty();
        });

        if (internal) {
            assertThatThrownBy(call::block).isInstanceOfSatisfying(ResponseStatusException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
            assertThat(routed).isFalse();
        } else {
            call.block();
            assertThat(routed).isTrue();
        }
        assertThat(defaults.paths()).contains("/api/auth/internal", "/api/auth/internal/**");
    }
}
