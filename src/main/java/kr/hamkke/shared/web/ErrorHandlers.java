package kr.hamkke.shared.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.ConstraintViolationException;
import kr.hamkke.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Maps every failure to a clear response; nothing reaches a citizen as a stack trace. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private final ErrorResponses errors;
    private final AuthorizationHandler authorizationHandler;

    ErrorHandlers(ErrorResponses errors, AuthorizationHandler authorizationHandler) {
        this.errors = errors;
        this.authorizationHandler = authorizationHandler;
    }

    @Error(global = true, exception = DomainException.class)
    public HttpResponse<?> domain(HttpRequest<?> request, DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return errors.error(request, status, e.code(), null);
    }

    @Error(global = true, exception = io.micronaut.security.authentication.AuthorizationException.class)
    public HttpResponse<?> authorization(HttpRequest<?> request, io.micronaut.security.authentication.AuthorizationException e) {
        return authorizationHandler.handle(request, e);
    }

    @Error(global = true, exception = io.micronaut.security.authentication.AuthenticationException.class)
    public HttpResponse<?> authentication(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.UNAUTHORIZED, "signin.failed", null);
    }

    @Error(global = true, exception = ConstraintViolationException.class)
    public HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException e) {
        List<Problem.FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return errors.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "validation", fields);
    }

    @Error(global = true, exception = ConversionErrorException.class)
    public HttpResponse<?> conversion(HttpRequest<?> request, ConversionErrorException e) {
        return errors.error(request, HttpStatus.BAD_REQUEST, "malformed", List.of(
                new Problem.FieldProblem(e.getArgument().getName(), "malformed value")));
    }

    @Error(global = true, exception = UnsatisfiedArgumentException.class)
    public HttpResponse<?> unsatisfied(HttpRequest<?> request, UnsatisfiedArgumentException e) {
        return errors.error(request, HttpStatus.BAD_REQUEST, "malformed", List.of(
                new Problem.FieldProblem(e.getArgument().getName(), "required")));
    }

    @Error(global = true, exception = io.micronaut.web.router.exceptions.UnsatisfiedRouteException.class)
    public HttpResponse<?> unsatisfiedRoute(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.BAD_REQUEST, "malformed", null);
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", null);
    }

    @Error(global = true, exception = NotAllowedException.class)
    public HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.METHOD_NOT_ALLOWED, "method", null);
    }

    @Error(global = true, exception = io.micronaut.http.server.exceptions.NotAcceptableException.class)
    public HttpResponse<?> notAcceptable(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.NOT_ACCEPTABLE, "media-type", null);
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.NOT_FOUND, "not-found", null);
    }

    @Error(global = true, status = HttpStatus.BAD_REQUEST)
    public HttpResponse<?> badRequest(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.BAD_REQUEST, "malformed", null);
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<?> unsupported(HttpRequest<?> request) {
        return errors.error(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", null);
    }

    @Error(global = true, exception = io.micronaut.data.exceptions.DataAccessException.class)
    public HttpResponse<?> database(HttpRequest<?> request, Throwable e) {
        LOG.error("database failure on {} {}", request.getMethod(), request.getPath(), e);
        return errors.error(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", null)
                .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
    }

    @Error(global = true, exception = Throwable.class)
    public HttpResponse<?> unexpected(HttpRequest<?> request, Throwable e) {
        if (isMalformedJson(e)) {
            return errors.error(request, HttpStatus.BAD_REQUEST, "malformed", null);
        }
        if (DatabaseOutage.causedBy(e)) {
            LOG.error("database unavailable on {} {}: {}", request.getMethod(), request.getPath(), e.toString());
            return errors.error(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", null)
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getPath(), e);
        return errors.error(request, HttpStatus.INTERNAL_SERVER_ERROR, "server", null);
    }

    /** A request body that is not JSON at all: the client's mistake, not ours. */
    private static boolean isMalformedJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
