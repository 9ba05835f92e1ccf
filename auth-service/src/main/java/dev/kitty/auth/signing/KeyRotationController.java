package dev.kitty.auth.signing;

import dev.kitty.auth.account.Accounts;
import dev.kitty.auth.account.SystemRole;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KeyRotationController {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationController.class);

    private final KeyRotation rotation;
    private final Accounts accounts;

    KeyRotationController(KeyRotation rotation, Accounts accounts) {
        this.rotation = rotation;
        this.accounts = accounts;
    }

    /**
     * The token's roles open the method; the stored roles must agree, so a SUPER_USER demoted
     * or locked a minute ago cannot act on the rest of their token's lifetime (OWASP API5:2023,
     * broken function level authorization).
     */
    @PostMapping("/api/admin/keys/rotate")
    @PreAuthorize("hasRole('SUPER_USER')")
    KeyRotationResponse rotate(CurrentUser user) {
        accounts.findById(user.id()).filter(account -> account.canSignIn() && account.hasRole(SystemRole.SUPER_USER))
                .orElseThrow(() -> ApiProblem.forbidden("Only a super user may rotate signing keys."));
        var kid = rotation.rotateNow();
        log.info("Signing keys rotated by {}", user.id());
        return new KeyRotationResponse(kid);
    }

    record KeyRotationResponse(String kid) {}
}
