package dev.kitty.auth.pat;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/tokens")
class PersonalAccessTokenController {

    private final PersonalAccessTokens tokens;

    PersonalAccessTokenController(PersonalAccessTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * A token obtained with a PAT cannot mint more PATs: a leaked PAT must not be turnable
     * into fresh, independently revocable credentials (OWASP ASVS 5.0 V6.4, authentication
     * factor lifecycle: a new factor is issued only on the strength of a primary one).
     */
    @PostMapping
    ResponseEntity<CreatedTokenResponse> create(CurrentUser user, @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody CreateTokenRequest request) {
        var methods = jwt.getClaimAsStringList("amr");
        if (methods == null || methods.isEmpty() || methods.stream().allMatch("pat"::equals)) {
            throw ApiProblem.forbidden("Sign in with your password to create personal access tokens.");
        }
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
