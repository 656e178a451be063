package kr.hamkke.shared.web;

import io.micronaut.core.io.Writable;
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

    public MutableHttpResponse<Writable> render(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        ModelAndView<Map<String, Object>> mav = new ModelAndView<>(view, new HashMap<>(model));
        layout.process(request, mav);
        Writable body = renderer.render(view, mav.getModel().orElseThrow(), request);
        return HttpResponse.<Writable>status(status).contentType(HTML).body(body);
    }

    public MutableHttpResponse<Writable> ok(HttpRequest<?> request, String view, Map<String, Object> model) {
        return render(request, HttpStatus.OK, view, model);
    }

    /** A form submit that failed validation: 422 and the same page with its errors. */
    public MutableHttpResponse<Writable> invalid(HttpRequest<?> request, String view, Map<String, Object> model) {
        return render(request, HttpStatus.UNPROCESSABLE_ENTITY, view, model);
    }
}
