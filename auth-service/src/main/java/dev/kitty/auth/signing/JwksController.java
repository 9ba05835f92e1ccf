package dev.kitty.auth.signing;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class JwksController {

    /** Resource servers re-fetch on an unknown kid anyway; caching spares auth-service the routine polls. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final CacheControl CACHE = CacheControl.maxAge(MAX_AGE).cachePublic();

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    /** Public halves only: {@code toJSONObject(true)} drops every private member. */
    @GetMapping(path = "/oauth2/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CACHE).body(keys.publishedKeys().toJSONObject(true));
    }
}
