package dev.kitty.auth.registration;

import dev.kitty.auth.throttle.RequestThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class RegistrationController {

    private final Registration registration;
    private final EmailVerification emailVerification;
    private final RequestThrottle throttle;

    RegistrationController(Registration registration, EmailVerification emailVerification, RequestThrottle throttle) {
        this.registration = registration;
        this.emailVerification = emailVerification;
        this.throttle = throttle;
    }

    /**
     * The Location is the user's resource in the system (user-service's profile shares the id).
     * Limited per client address: each call costs an Argon2id hash and may send a mail (OWASP API Top 10 2023 API4/API6).
     */
    @PostMapping("/register")
    ResponseEntity<RegisterResponse> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        throttle.registration(http.getRemoteAddr());
        var account = registration.register(request.email(), request.password(), request.displayName());
        return ResponseEntity.created(URI.create("/api/users/" + account.id())).body(RegisterResponse.from(account));
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
        emailVerification.verify(request.token());
    }
}
