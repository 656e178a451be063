package kr.hamkke.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;

import java.util.Set;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Double-submit CSRF protection for every form: a random token lives in an HttpOnly cookie and in a
 * hidden {@code _csrf} field (or the {@code _csrf} query parameter for multipart uploads); an
 * unsafe form request whose two copies differ is refused with 403 before any controller runs.
 * JSON API calls are not forms: browsers cannot send them cross-site without CORS, which is off.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfFilter implements io.micronaut.core.order.Ordered {

    public static final String COOKIE = "hamkke_csrf";
    public static final String FIELD = "_csrf";
    static final String ATTRIBUTE = "hamkke.csrf.new";
    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final FilterBodyParser bodyParser;
    private final ErrorResponses errors;

    CsrfFilter(FilterBodyParser bodyParser, ErrorResponses errors) {
        this.bodyParser = bodyParser;
        this.errors = errors;
    }

    /** The token the page should embed in its forms. */
    public static String tokenFor(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(v -> v.length() == 64)
                .orElseGet(() -> request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
                    String fresh = kr.hamkke.shared.Hashing.randomToken(32);
                    request.setAttribute(ATTRIBUTE, fresh);
                    return fresh;
                }));
    }

    /** Blocking is fine here: the body is small and must be read before the controller runs. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (!UNSAFE.contains(request.getMethod()) || !isForm(request)) {
            return null;
        }
        String cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        String submitted = request.getParameters().get(FIELD);
        if (submitted == null && !isMultipart(request)) {
            try {
                Map<String, Object> body = bodyParser.parseBody(request).get(10, TimeUnit.SECONDS);
                Object field = body == null ? null : body.get(FIELD);
                submitted = field == null ? null : field.toString();
            } catch (ExecutionException | TimeoutException e) {
                submitted = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                submitted = null;
            }
        }
        return verdict(request, cookie, submitted);
    }

    @ResponseFilter
    public void issueCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(token -> response.cookie(
                Cookie.of(COOKIE, token).httpOnly(true).sameSite(SameSite.Lax).path("/")));
    }

    @Nullable
    private HttpResponse<?> verdict(HttpRequest<?> request, @Nullable String cookie, @Nullable String submitted) {
        if (cookie != null && cookie.length() == 64 && kr.hamkke.shared.Hashing.same(cookie, submitted)) {
            return null;
        }
        return errors.csrfRejected(request);
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType()
                .map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
                .orElse(false);
    }

    private static boolean isMultipart(HttpRequest<?> request) {
        return request.getContentType().map(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(false);
    }

    /** Runs after security so that unauthenticated requests are refused first. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
