package dev.kitty.auth.signing;

import dev.kitty.auth.account.StoredRoles;
import dev.kitty.auth.account.SystemRole;
import dev.kitty.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KeyRotationController {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationController.class);

    private final KeyRotation rotation;
    private final StoredRoles storedRoles;

    KeyRotationController(KeyRotation rotation, StoredRoles storedRoles) {
        this.rotation = rotation;
        this.storedRoles = storedRoles;
    }

    /**
     * The token's roles open the method; the stored roles must agree, so a SUPER_USER demoted
     * or locked a minute ago cannot act on the rest of their token's lifetime (OWASP API5:2023,
     * broken function level authorization).
     */
    @PostMapping("/api/admin/keys/rotate")
    @PreAuthorize("hasRole('SUPER_USER')")
    KeyRotationResponse rotate(CurrentUser user) {
        storedRoles.require(user.id(), "Only a super user may rotate signing keys.", SystemRole.SUPER_USER);
        var kid = rotation.rotateNow();
        log.info("Signing keys rotated by {}", user.id());
        return new KeyRotationResponse(kid);
    }

    record KeyRotationResponse(String kid) {}
}
