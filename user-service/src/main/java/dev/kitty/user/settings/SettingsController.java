package dev.kitty.user.settings;

import dev.kitty.platform.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me/settings")
class SettingsController {

    private final SettingsManagement settings;

    SettingsController(SettingsManagement settings) {
        this.settings = settings;
    }

    @GetMapping
    SettingsResponse get(CurrentUser user) {
        return SettingsResponse.from(settings.find(user.id()));
    }

    @PutMapping
    SettingsResponse replace(CurrentUser user, @Valid @RequestBody UpdateSettingsRequest request) {
        return SettingsResponse.from(settings.change(user.id(), request.currencyValue(), request.localeValue(),
                request.timeZoneValue(), request.notificationPreferences()));
    }
}
