package kr.hamkke.shared.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;

/** Security headers on every response, and the one-time notice cookie cleared once shown. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ResponseHeadersFilter implements io.micronaut.core.order.Ordered {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";
    /** The generated API explorer needs its own inline bootstrap script. */
    private static final String CSP_SWAGGER = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    private final boolean hstsAlways;

    ResponseHeadersFilter(@Value("${hamkke.security.hsts-always:false}") boolean hstsAlways) {
        this.hstsAlways = hstsAlways;
    }

    /** First in, last out: its response part also sees what security answered (sign-in redirects, 401s). */
    @Override
    public int getOrder() {
        return io.micronaut.http.filter.ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        // A response may bring a stricter policy of its own (served attachments: sandbox, no scripts at all).
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", request.getPath().startsWith("/swagger-ui") ? CSP_SWAGGER : CSP);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (hstsAlways || overHttps(request)) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        boolean shown = response.status() != HttpStatus.SEE_OTHER && response.status() != HttpStatus.FOUND;
        if (shown && request.getCookies().contains(Flash.COOKIE)
                && response.getCookie(Flash.COOKIE).isEmpty()) {
            response.cookie(Cookie.of(Flash.COOKIE, "").path("/").maxAge(0));
        }
    }

    /**
     * TLS ends at the load balancer in production, so the app itself sees plain HTTP: the proxy's
     * X-Forwarded-Proto (or RFC 7239 Forwarded) header tells. A client faking it only gets HSTS for
     * itself, which browsers ignore over plain HTTP anyway.
     */
    static boolean overHttps(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        var headers = request.getHeaders();
        String proto = headers.get("X-Forwarded-Proto");
        if (proto != null && proto.split(",")[0].strip().equalsIgnoreCase("https")) {
            return true;
        }
        String forwarded = headers.get("Forwarded");
        return forwarded != null && forwarded.toLowerCase(java.util.Locale.ROOT).matches("(?s)^[^,]*proto=\"?https\"?.*");
    }
}
