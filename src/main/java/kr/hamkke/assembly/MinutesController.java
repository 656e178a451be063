package kr.hamkke.assembly;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;
import kr.hamkke.shared.web.Pages;

import java.util.HashMap;
import java.util.Map;

/** 회의록 editor for staff and the meeting's facilitators; the published text is shown on the public cycle page. */
@Controller("/assembly/meetings")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.Names.ADMIN, Role.Names.FACILITATOR})
class MinutesController {

    @Serdeable
    record MinutesForm(@Nullable String body, @Nullable String action) {
    }

    private final MinutesService minutes;
    private final DeliberationService deliberation;
    private final CycleService cycles;
    private final Pages pages;

    MinutesController(MinutesService minutes, DeliberationService deliberation, CycleService cycles, Pages pages) {
        this.minutes = minutes;
        this.deliberation = deliberation;
        this.cycles = cycles;
        this.pages = pages;
    }

    @Get("/{id}/minutes")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, long id, Authentication authentication) {
        minutes.requireEditor(CurrentUser.from(authentication), id);
        var history = minutes.history(id);
        return pages.ok(request, "assembly/minutes", model(id, history.isEmpty() ? "" : history.get(0).body(), new FormErrors()));
    }

    @Post("/{id}/minutes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> save(HttpRequest<?> request, long id, Authentication authentication, @Body MinutesForm form) {
        CurrentUser user = CurrentUser.from(authentication);
        minutes.requireEditor(user, id);
        var problem = MinutesService.problem(form.body());
        if (problem.isPresent()) {
            return pages.invalid(request, "assembly/minutes", model(id, form.body(), new FormErrors().add("body", problem.get())));
        }
        boolean publish = "publish".equals(form.action());
        minutes.save(user, id, form.body(), publish ? MinutesService.Status.PUBLISHED : MinutesService.Status.DRAFT);
        return Flash.redirect("/assembly/meetings/" + id + "/minutes", publish ? "assembly.notice.minutes-published" : "assembly.notice.minutes-saved");
    }

    private Map<String, Object> model(long meetingId, String body, FormErrors errors) {
        var meeting = deliberation.meeting(meetingId);
        Map<String, Object> model = new HashMap<>();
        model.put("meeting", meeting);
        model.put("cycle", cycles.get(meeting.cycleId()));
        model.put("history", minutes.history(meetingId));
        model.put("published", minutes.latestPublished(meetingId).orElse(null));
        model.put("body", body);
        model.put("errors", errors);
        model.put("maxLength", MinutesService.MAX_LENGTH);
        return model;
    }
}
