package kr.hamkke.shared.web;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds every error response: JSON problem bodies for API clients, a Korean error page for
 * browsers. Citizens never see exception text or stack traces.
 */
@Singleton
public class ErrorResponses {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private final MessageSource messages;
    private final io.micronaut.context.BeanProvider<Pages> pages;

    ErrorResponses(MessageSource messages, io.micronaut.context.BeanProvider<Pages> pages) {
        this.messages = messages;
        this.pages = pages;
    }

    public static boolean wantsJson(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/api/") || path.equals("/login")) {
            return true;
        }
        return request.accept().stream().noneMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE))
                && request.accept().stream().anyMatch(t -> t.matches(MediaType.APPLICATION_JSON_TYPE));
    }

    public MutableHttpResponse<?> error(HttpRequest<?> request, HttpStatus status, String code,
                                        @Nullable List<Problem.FieldProblem> fieldProblems) {
        Locale locale = Locales.of(request);
        String title = message("error." + code, locale)
                .orElseGet(() -> message("error.status." + status.getCode(), locale).orElse(status.getReason()));
        if (wantsJson(request)) {
            Problem problem = new Problem("https://hamkke.seoul.kr/problems/" + code, title, status.getCode(),
                    null, code, fieldProblems);
            return HttpResponse.status(status).contentType(PROBLEM_JSON).body(problem);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("messageText", title);
        model.put("pageTitleKey", "error.page.title." + pageKind(status));
        return pages.get().render(request, status, "error", model);
    }

    public MutableHttpResponse<?> csrfRejected(HttpRequest<?> request) {
        return error(request, HttpStatus.FORBIDDEN, "csrf", null);
    }

    private static String pageKind(HttpStatus status) {
        return switch (status.getCode()) {
            case 401, 403 -> "forbidden";
            case 404 -> "notfound";
            case 429 -> "throttled";
            case 409, 422, 400 -> "invalid";
            case 503 -> "unavailable";
            default -> "server";
        };
    }

    private java.util.Optional<String> message(String key, Locale locale) {
        return messages.getMessage(key, locale);
    }
}
