package dev.kitty.user.web;

import dev.kitty.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Problems more than one feature of this service answers with. */
public final class UserProblems {

    private UserProblems() {
    }

    /**
     * The profile and settings are created from auth-service's UserRegistered event, so right
     * after registering they may not exist yet: the detail tells clients that polling is fine.
     */
    public static ApiProblem profileNotFound() {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "profile-not-found", "Profile not found",
                "There is no profile for this account yet. A new account's profile may still be being created: try again in a moment.");
    }
}
