package dev.kitty.platform.health;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} and its {@code liveness} and {@code readiness} groups on the public port, answered by
 * the actuator's own health endpoint (same groups, status codes and JSON) as an anonymous caller sees it: status and
 * component names, never details. Boot's {@code additional-path} would do this by configuration, but accepts a single
 * path segment only (docs/adr/0008-health-on-the-public-port.md).
 */
@Hidden // operations, not the service's API: kept out of its OpenAPI document, like the actuator itself
@RestController
class PublicHealthController {

    private final HealthEndpointWebExtension health;

    PublicHealthController(HealthEndpointWebExtension health) {
        this.health = health;
    }

    @GetMapping("/actuator/health")
    ResponseEntity<HealthDescriptor> health() {
        return answer();
    }

    @GetMapping("/actuator/health/{group:liveness|readiness}")
    ResponseEntity<HealthDescriptor> group(@PathVariable String group) {
        return answer(group);
    }

    private ResponseEntity<HealthDescriptor> answer(String... path) {
        var response = health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, false, path);
        return ResponseEntity.status(response.getStatus()).body(response.getBody());
    }
}
