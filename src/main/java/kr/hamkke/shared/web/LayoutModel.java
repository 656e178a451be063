package kr.hamkke.shared.web;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds what every page's layout needs: the signed-in user, the CSRF token, the language, the
 * current path (for the language switch and sign-in return) and a one-time notice.
 */
@Singleton
class LayoutModel implements ViewModelProcessor<Map<String, Object>> {

    private final List<Menu.Link> navigation;

    LayoutModel(List<Menu> menus) {
        this.navigation = menus.stream().flatMap(m -> m.navigation().stream())
                .sorted(java.util.Comparator.comparingInt(Menu.Link::order)).toList();
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = modelAndView.getModel().map(HashMap::new).orElseGet(HashMap::new);
        model.put("currentUser", CurrentUser.of(request).orElse(null));
        model.put("csrf", CsrfFilter.tokenFor(request));
        model.put("lang", Locales.of(request).getLanguage());
        model.put("currentPath", request.getPath());
        model.put("navigation", navigation);
        request.getCookies().findCookie(Flash.COOKIE).map(Cookie::getValue).filter(Flash::validKey)
                .ifPresent(key -> model.put("flashKey", key));
        model.putIfAbsent("errors", new FormErrors());
        modelAndView.setModel(model);
    }
}
