package kr.hamkke.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the web session's JWT from its cookie. The security module's own cookie reader only runs
 * in cookie-login mode, and Hamkke keeps bearer login for the API, so the web reads it here.
 */
@Singleton
class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(SessionCookies.NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }
}
