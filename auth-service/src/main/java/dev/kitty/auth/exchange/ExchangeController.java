package dev.kitty.auth.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ExchangeController {

    static final String PATH = "/api/auth/exchange";

    private final CredentialExchange exchange;

    ExchangeController(CredentialExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * For the gateway only ({@link GatewayClientAuthentication}): no user token, the user's credentials are in
     * the body. The answer must not be cached on the way (RFC 6749 §5.1).
     */
    @PostMapping(PATH)
    ResponseEntity<ExchangeResponse> exchange(@Valid @RequestBody ExchangeRequest request, HttpServletRequest http) {
        var exchanged = exchange.exchange(request.email(), request.secret(), http.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(ExchangeResponse.from(exchanged));
    }
}
