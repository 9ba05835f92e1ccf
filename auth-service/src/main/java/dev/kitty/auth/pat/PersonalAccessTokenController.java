package dev.kitty.auth.pat;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.security.InteractiveLoginRequired;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal access tokens are credentials: only a session from an interactive login may list,
 * create or revoke them, so a leaked token can neither mint itself successors nor revoke the
 * owner's other tokens (OWASP ASVS 5.0 V6.4).
 */
@RestController
@RequestMapping("/api/auth/tokens")
@InteractiveLoginRequired
class PersonalAccessTokenController {

    private final PersonalAccessTokens tokens;

    PersonalAccessTokenController(PersonalAccessTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<CreatedTokenResponse> create(CurrentUser user, @Valid @RequestBody CreateTokenRequest request) {
        var expiresIn = request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays());
        var created = tokens.create(user.id(), request.name(), expiresIn);
        // the secret is in this body and nowhere else: nothing on the way may keep a copy
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .body(CreatedTokenResponse.from(created));
    }

    @GetMapping
    List<PersonalAccessTokenResponse> list(CurrentUser user) {
        return tokens.list(user.id()).stream().map(PersonalAccessTokenResponse::from).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser user, @PathVariable UUID id) {
        tokens.revoke(user.id(), id);
    }
}
