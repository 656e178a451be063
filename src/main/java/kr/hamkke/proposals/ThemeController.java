package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 테마토론 pages: the list, one vote with its candidate topics, and the staff page that posts a vote. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ThemeController {

    static final int TOPIC_ROWS = 5;

    private final ThemeService themes;
    private final Viewer viewer;
    private final Views pages;
    private final Clock clock;

    ThemeController(ThemeService themes, Viewer viewer, Views pages, Clock clock) {
        this.themes = themes;
        this.viewer = viewer;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/themes")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request) {
        return pages.ok(request, "proposals/themes", Map.of("themes", themes.all(), "now", clock.instant()));
    }

    @Get("/themes/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id) {
        ThemeService.Theme t = themes.find(id);
        boolean open = t.openAt(clock.instant());
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("topics", themes.topics(t));
        model.put("open", open);
        model.put("eligibility", viewer.posting(auth, open));
        model.put("myTopic", themes.myTopic(id, viewer.of(auth).identityHash()).orElse(null));
        model.put("forumId", themes.forumOf(id).orElse(null));
        return pages.ok(request, "proposals/theme", model);
    }

    @Serdeable
    record VoteForm(@Nullable Long topic) {
    }

    @Post("/themes/{id}/vote")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> vote(Authentication auth, @PathVariable long id, @Body VoteForm form) {
        themes.vote(CurrentUser.from(auth).accountId(), id, form.topic());
        return Flash.redirect("/themes/" + id, "themes.notice.voted");
    }

    @Get("/staff/themes")
    @Secured({Role.Names.MODERATOR, Role.Names.ADMIN})
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> staff(HttpRequest<?> request) {
        return pages.ok(request, "proposals/staff-themes", staffModel(ThemeForm.empty(), new FormErrors()));
    }

    @Serdeable
    record ThemeForm(@Nullable String title, @Nullable String description, @Nullable String opensAt, @Nullable String closesAt,
                     @Nullable List<String> topicTitle, @Nullable List<String> topicBackground) {
        static ThemeForm empty() {
            return new ThemeForm("", "", "", "", List.of(), List.of());
        }

        String titleAt(int i) {
            return topicTitle != null && i < topicTitle.size() ? topicTitle.get(i) : "";
        }

        String backgroundAt(int i) {
            return topicBackground != null && i < topicBackground.size() ? topicBackground.get(i) : "";
        }
    }

    @Post("/staff/themes")
    @Secured({Role.Names.MODERATOR, Role.Names.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body ThemeForm form) {
        CurrentUser user = CurrentUser.from(auth);
        List<ThemeService.NewTopic> topics = new ArrayList<>();
        for (int i = 0; i < TOPIC_ROWS; i++) {
            topics.add(new ThemeService.NewTopic(form.titleAt(i), form.backgroundAt(i)));
        }
        try {
            long id = themes.create(user.as(user.has(Role.Names.ADMIN) ? Role.Names.ADMIN : Role.Names.MODERATOR), form.title(),
                    form.description(), kst(form.opensAt()), kst(form.closesAt()), topics);
            return Flash.redirect("/themes/" + id, "themes.notice.created");
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            FormErrors errors = new FormErrors().add(field(e.code()), "error." + e.code());
            return pages.invalid(request, "proposals/staff-themes", staffModel(form, errors));
        }
    }

    private Map<String, Object> staffModel(ThemeForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("themes", themes.all());
        model.put("form", form);
        model.put("errors", errors);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < TOPIC_ROWS; i++) {
            rows.add(new String[]{form.titleAt(i), form.backgroundAt(i)});
        }
        model.put("rows", rows);
        return model;
    }

    private static String field(String code) {
        return switch (code) {
            case "themes.title" -> "title";
            case "themes.description" -> "description";
            case "themes.window" -> "opensAt";
            default -> "topicTitle1";
        };
    }

    /** A datetime-local value read as Seoul time; blank or malformed is null (the service refuses it). */
    private static Instant kst(String value) {
        try {
            return value == null || value.isBlank() ? null
                    : LocalDateTime.parse(value).atZone(kr.hamkke.proposals.rules.Deadlines.SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
