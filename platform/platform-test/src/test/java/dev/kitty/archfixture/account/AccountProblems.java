package dev.kitty.archfixture.account;

import dev.kitty.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Controller advice: may answer with ApiProblem. */
@RestControllerAdvice
class AccountProblems {

    @ExceptionHandler(IllegalStateException.class)
    ApiProblem gone(IllegalStateException ex) {
        return ApiProblem.notFound("gone");
    }
}
