package kr.hamkke.identity;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The web session: a signed JWT in an HttpOnly, SameSite=Lax cookie. */
@Singleton
class SessionCookies {

    static final String NAME = "JWT";
    static final int SECONDS = 7200;

    private final TokenGenerator tokens;

    SessionCookies(TokenGenerator tokens) {
        this.tokens = tokens;
    }

    void signIn(MutableHttpResponse<?> response, SignedInUser user) {
        Authentication authentication = Authentication.build(Long.toString(user.accountId()), user.roles(),
                java.util.Map.of("nickname", user.nickname()));
        String token = tokens.generateToken(authentication, SECONDS)
                .orElseThrow(() -> new IllegalStateException("token generation failed"));
        response.cookie(Cookie.of(NAME, token).httpOnly(true).sameSite(SameSite.Lax).path("/")
                .maxAge(Duration.ofSeconds(SECONDS)));
    }

    void signOut(MutableHttpResponse<?> response) {
        response.cookie(Cookie.of(NAME, "").httpOnly(true).sameSite(SameSite.Lax).path("/").maxAge(0));
    }
}
