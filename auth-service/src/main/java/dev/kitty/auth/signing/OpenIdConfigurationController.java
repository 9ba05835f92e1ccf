package dev.kitty.auth.signing;

import dev.kitty.platform.security.SecurityProperties;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OpenIdConfigurationController {

    private final OpenIdConfigurationResponse configuration;

    OpenIdConfigurationController(SecurityProperties security) {
        this.configuration = OpenIdConfigurationResponse.from(security.issuer());
    }

    @GetMapping(path = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OpenIdConfigurationResponse> openIdConfiguration() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(configuration);
    }
}
