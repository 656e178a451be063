package kr.hamkke.shared.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.util.Locale;

/** Korean first: English only when the visitor chose it (lang cookie). */
public final class Locales {

    public static final Locale KOREAN = Locale.KOREAN;

    private Locales() {
    }

    public static Locale of(HttpRequest<?> request) {
        return request.getCookies().findCookie("lang").map(Cookie::getValue)
                .filter("en"::equals).map(v -> Locale.ENGLISH).orElse(KOREAN);
    }
}
