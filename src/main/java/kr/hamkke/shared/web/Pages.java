package kr.hamkke.shared.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders a page with any status (422 form errors, 403, 404): Micronaut Views renders only
 * {@code @View} methods itself, so responses that choose their status come through here.
 */
@Singleton
public class Pages {

    public static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;
    private final LayoutModel layout;

    Pages(ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer, LayoutModel layout) {
        this.renderer = renderer;
        this.layout = layout;
    }

    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        ModelAndView<Map<String, Object>> mav = new ModelAndView<>(view, new HashMap<>(model));
        layout.process(request, mav);
        // Rendered now, not while the response streams: a template error must become an error
        // page, never a half-written or hanging response.
        StringWriter html = new StringWriter(8192);
        try {
            renderer.render(view, mav.getModel().orElseThrow(), request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<String>status(status).contentType(HTML).body(html.toString());
    }

    /**
     * Renders a view without the layout's per-request model (user, CSRF, flash): for a fragment that is the same for
     * every visitor of one locale, so that it can be cached and placed into a page with {@code th:utext}.
     */
    public String fragment(HttpRequest<?> request, String view, Map<String, Object> model) {
        StringWriter html = new StringWriter(8192);
        try {
            renderer.render(view, new HashMap<>(model), request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    public MutableHttpResponse<String> ok(HttpRequest<?> request, String view, Map<String, Object> model) {
        return render(request, HttpStatus.OK, view, model);
    }

    /** A form submit that failed validation: 422 and the same page with its errors. */
    public MutableHttpResponse<String> invalid(HttpRequest<?> request, String view, Map<String, Object> model) {
        return render(request, HttpStatus.UNPROCESSABLE_ENTITY, view, model);
    }
}
