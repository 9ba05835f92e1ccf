package dev.kitty.transaction.membership;

import dev.kitty.platform.web.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The read-your-writes fallback's failure, as the client sees it: 503, try again in a moment. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BudgetServiceUnavailableAdvice {

    @ExceptionHandler(BudgetServiceUnavailableException.class)
    ApiProblem unavailable(BudgetServiceUnavailableException ex) {
        return ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "budget-service-unavailable", "Service unavailable",
                "This budget cannot be checked right now. Try again in a moment.");
    }
}
