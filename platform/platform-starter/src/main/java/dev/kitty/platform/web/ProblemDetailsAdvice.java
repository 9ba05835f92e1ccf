package dev.kitty.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error a client can cause into {@code application/problem+json} with a
 * {@code type} of its own, and validation failures into {@code errors: [{field, message}]}.
 * Application services refuse with a {@link DomainException}, answered here as the
 * {@link ApiProblem} it stands for. Anything unexpected is a 500 without internals: the log has
 * the details.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Set<String> OUT_OF_RANGE_SQL_STATES = Set.of("22001", "22003", "22021");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return validationProblem(errors, headers, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return validationProblem(errors, headers, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body is missing, is not valid JSON, or does not fit the expected shape.");
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            var field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            problem.setProperty("errors", List.of(new FieldError(field, "has the wrong type or format")));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What application services refuse with, answered as the {@link ApiProblem} it stands for. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException ex, WebRequest request) {
        var problem = DomainProblems.of(ex);
        return handleErrorResponseException(problem, problem.getHeaders(), problem.getStatusCode(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "A parameter has the wrong format.");
        problem.setProperty("errors", List.of(new FieldError(ex.getName(), "has the wrong format")));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Spring Security's firewall checks parameter names lazily: a form-encoded body read for a {@code @RequestBody}
     * is parsed into parameters inside the handler, and a name it refuses (a control character, an unassigned code
     * point) threw from there, a 500. Bad input like any other the firewall refuses.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex, WebRequest request) {
        log.debug("Firewall rejected a parameter: {}", ex.getMessage());
        var problem = EdgeProblems.forStatus(HttpStatus.BAD_REQUEST);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        var errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return validationProblem(errors, new HttpHeaders(), request, ex);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentModification(OptimisticLockingFailureException ex, WebRequest request) {
        var problem = problem(HttpStatus.CONFLICT, "concurrent-modification", "Conflict",
                "Someone else changed this at the same time. Reload and try again.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        if (isValueOutOfRange(ex)) {
            // a value that validation should have stopped: the client's fault, not a conflict
            log.warn("A value did not fit its column; a request constraint is missing: {}", ex.getMostSpecificCause().getMessage());
            var problem = problem(HttpStatus.BAD_REQUEST, "value-out-of-range", "Invalid request",
                    "A value is too long, too large or contains characters that cannot be stored.");
            return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
        }
        log.info("Request conflicts with stored data: {}", ex.getMostSpecificCause().getMessage());
        var problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", "The request conflicts with the current state.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex; // Spring Security answers these with 401/403 problems of its own
        }
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. It has been logged.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ApiProblem.type(EdgeProblems.slugOf(statusCode)));
            }
            // problem+json whatever the Accept header asked for (or failed to say): content negotiation
            // would otherwise answer a 406, or an unparseable Accept, with an empty body
            headers = HttpHeaders.copyOf(headers);
            headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> validationProblem(List<FieldError> errors, HttpHeaders headers, WebRequest request, Exception ex) {
        var problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "Some fields are missing or invalid.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ApiProblem.type(slug));
        problem.setTitle(title);
        return problem;
    }

    /**
     * PostgreSQL's verdict on a value that does not fit its column: string data right truncation
     * (22001), numeric value out of range (22003), or a character the encoding cannot hold (22021,
     * e.g. NUL). A constraint on the request record should have caught it first.
     */
    private static boolean isValueOutOfRange(DataIntegrityViolationException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && OUT_OF_RANGE_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String path) {
        return path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    }
}
