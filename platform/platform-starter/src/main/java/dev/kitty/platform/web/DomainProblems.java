package dev.kitty.platform.web;

import org.springframework.http.HttpStatus;

/** The one translation of a {@link DomainException} into the problem it answers with. */
final class DomainProblems {

    private DomainProblems() {
    }

    static ApiProblem of(DomainException exception) {
        var detail = exception.detail();
        return switch (exception) {
            case DomainException.NotFound notFound -> ApiProblem.notFound(detail);
            case DomainException.Forbidden forbidden -> ApiProblem.forbidden(detail);
            case DomainException.Conflict conflict -> ApiProblem.conflict(conflict.slug(), detail);
            case DomainException.Invalid invalid -> invalid.errors().isEmpty()
                    ? ApiProblem.badRequest(invalid.slug(), detail)
                    : ApiProblem.badRequest(invalid.slug(), detail).with("errors", invalid.errors());
            case DomainException.Unauthenticated unauthenticated -> ApiProblem.of(HttpStatus.UNAUTHORIZED, unauthenticated.slug(),
                    "Unauthorized", detail);
            case DomainException.PreconditionFailed stale -> ApiProblem.preconditionFailed(detail);
            case DomainException.Throttled throttled -> ApiProblem.tooManyRequests(detail, throttled.retryAfter());
        };
    }
}
