package dev.kitty.auth.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Role names as given; {@link UserAdministration} decides which are known, so an unknown one is
 * a 400 that names it rather than a generic "malformed request".
 */
record ChangeRolesRequest(@NotNull @Size(max = 10) List<@NotBlank @Size(max = 32) String> roles) {}
