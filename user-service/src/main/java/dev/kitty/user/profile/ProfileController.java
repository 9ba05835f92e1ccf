package dev.kitty.user.profile;

import dev.kitty.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class ProfileController {

    /** Keeps page × size within what the database's offset accepts; nobody pages that far by hand. */
    static final int MAX_PAGE = 1_000_000;

    private final ProfileManagement profiles;

    ProfileController(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/me")
    ProfileResponse me(CurrentUser user) {
        return ProfileResponse.from(profiles.find(user.id()));
    }

    @PatchMapping("/me")
    ProfileResponse update(CurrentUser user, @Valid @RequestBody UpdateProfileRequest request) {
        return ProfileResponse.from(profiles.rename(user.id(), Objects.requireNonNull(request.displayName())));
    }

    /** Admins find people by address (the whole address, any case), or page through everyone, oldest first. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','SUPER_USER')")
    PagedModel<ProfileResponse> search(
            @RequestParam(required = false) @Size(max = 254) @Nullable String email,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var pageable = PageRequest.of(page, size, Sort.by("createdAt", "id"));
        return new PagedModel<>(profiles.search(email, pageable).map(ProfileResponse::from));
    }
}
