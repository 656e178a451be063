package kr.hamkke.shared.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signed-out visitors on a page that needs an account are sent to sign-in (and back afterwards);
 * signed-in users without the right role get a 403 page; API clients get problem JSON.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthorizationHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final ErrorResponses errors;

    AuthorizationHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return errors.error(request, HttpStatus.FORBIDDEN, "forbidden", null);
        }
        if (ErrorResponses.wantsJson(request) || !"GET".equals(request.getMethodName())) {
            return errors.error(request, HttpStatus.UNAUTHORIZED, "unauthorized", null);
        }
        String next = URLEncoder.encode(request.getUri().toString(), StandardCharsets.UTF_8);
        return HttpResponse.seeOther(URI.create("/signin?next=" + next));
    }
}
