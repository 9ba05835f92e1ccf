package dev.kitty.auth.registration;

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

    RegistrationController(Registration registration, EmailVerification emailVerification) {
        this.registration = registration;
        this.emailVerification = emailVerification;
    }

    /** The Location is the user's resource in the system (user-service's profile shares the id). */
    @PostMapping("/register")
    ResponseEntity<RegisterResponse> register(@Valid @RequestBody RegisterRequest request) {
        var account = registration.register(request.email(), request.password(), request.displayName());
        return ResponseEntity.created(URI.create("/api/users/" + account.id())).body(RegisterResponse.from(account));
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
        emailVerification.verify(request.token());
    }
}
