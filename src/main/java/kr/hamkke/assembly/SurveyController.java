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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Survey panel pages: the cycle's survey list (with the staff form), one survey (answer form, results after close). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyController {

    private final SurveyService surveys;
    private final CycleService cycles;
    private final Pages pages;
    private final Clock clock;

    SurveyController(SurveyService surveys, CycleService cycles, Pages pages, Clock clock) {
        this.surveys = surveys;
        this.cycles = cycles;
        this.pages = pages;
        this.clock = clock;
    }

    /** A survey with its window written in Seoul time and its state now. */
    record Row(SurveyService.Survey survey, String window, boolean open, boolean closed) {
    }

    private static final java.time.format.DateTimeFormatter KST = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Row row(SurveyService.Survey s, Instant now) {
        String window = KST.format(s.opensAt().atZone(clock.getZone())) + " ~ " + KST.format(s.closesAt().atZone(clock.getZone()));
        return new Row(s, window, s.open(now), s.closed(now));
    }

    @Serdeable
    record AnswerForm(@Nullable List<Long> option) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/assembly/{id}/surveys")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(HttpRequest<?> request, long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", cycles.get(id));
        Instant now = surveys.now();
        model.put("surveys", surveys.ofCycle(id).stream().map(s -> row(s, now)).toList());
        LocalDateTime start = LocalDateTime.now(clock).withSecond(0).withNano(0);
        model.put("defaultOpens", start.toString());
        model.put("defaultCloses", start.plusDays(7).toString());
        return pages.ok(request, "assembly/surveys", model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/assembly/surveys/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> show(HttpRequest<?> request, long id, @Nullable Authentication authentication) {
        SurveyService.Survey s = surveys.get(id);
        Instant now = surveys.now();
        Membership invitee = authentication == null ? null
                : surveys.invitee(s, CurrentUser.from(authentication).accountId()).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("survey", s);
        model.put("row", row(s, now));
        model.put("cycle", cycles.get(s.cycleId()));
        model.put("options", surveys.options(id));
        model.put("open", s.open(now));
        model.put("closed", s.closed(now));
        model.put("invitee", invitee);
        model.put("answered", invitee != null && surveys.answered(id, invitee.id()));
        model.put("respondents", surveys.respondents(id));
        model.put("invited", surveys.invited(s.cycleId()));
        // Like 서울시가 묻습니다: results only after the survey closes, so early answers cannot steer later ones.
        model.put("results", s.closed(now) ? surveys.results(id) : List.of());
        return pages.ok(request, "assembly/survey", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/assembly/surveys/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> answer(long id, Authentication authentication, @Body AnswerForm form) {
        surveys.answer(CurrentUser.from(authentication).accountId(), id, form.option());
        return Flash.redirect("/assembly/surveys/" + id, "assembly.notice.survey-answered");
    }

    @Secured(Role.Names.ADMIN)
    @Post("/staff/assembly/{id}/surveys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> create(long id, Authentication authentication, @Body Map<String, String> form) {
        List<String> options = Arrays.asList(form.getOrDefault("options", "").split("\\R"));
        long survey = surveys.create(CurrentUser.from(authentication).as(Role.Names.ADMIN), id, new SurveyService.NewSurvey(
                form.get("question"), options, "true".equals(form.get("multi")) || "on".equals(form.get("multi")),
                instant(form.get("opensAt")), instant(form.get("closesAt"))));
        return Flash.redirect("/assembly/surveys/" + survey, "assembly.notice.survey-created");
    }

    @Secured(Role.Names.ADMIN)
    @Post("/staff/assembly/surveys/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> close(long id, Authentication authentication) {
        surveys.close(CurrentUser.from(authentication).as(Role.Names.ADMIN), id);
        return Flash.redirect("/assembly/surveys/" + id, "assembly.notice.survey-closed");
    }

    /** A datetime-local value ({@code 2026-11-23T10:00}) read as Seoul time. */
    private Instant instant(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("assembly.survey-window");
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("assembly.survey-window");
        }
    }
}
