package kr.hamkke.shared.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.net.URI;
import java.util.regex.Pattern;

/** A one-time notice shown on the page after a 303 redirect ("저장했습니다"). */
public final class Flash {

    public static final String COOKIE = "hamkke_flash";
    private static final Pattern KEY = Pattern.compile("[a-z0-9.\\-]{1,80}");

    private Flash() {
    }

    /** 303 See Other to a local path, carrying the i18n key of a success notice. */
    public static MutableHttpResponse<?> redirect(String localPath, String noticeKey) {
        return HttpResponse.seeOther(URI.create(LocalPaths.safe(localPath)))
                .cookie(Cookie.of(COOKIE, noticeKey).httpOnly(true).sameSite(SameSite.Lax).path("/").maxAge(60));
    }

    static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }
}
