package kr.hamkke.budgeting.web;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.budgeting.service.CycleService.TrackSpec;
import kr.hamkke.budgeting.service.Models.Cycle;
import kr.hamkke.budgeting.service.Models.Phase;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.budgeting.service.PhaseSchedule;
import kr.hamkke.budgeting.service.TrackRules;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;
import kr.hamkke.shared.web.Pages;

/**
 * Staff set a cycle up from the web, no SQL: a new cycle with its calendar, the calendar later (one
 * form for every phase), and tracks (scope, envelope in 원, ballot rule and parameter, allocation).
 * Bad input answers 422 with an error summary; the freeze at vote opening answers 409 (audited).
 */
@Controller("/budgeting/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
class SetupController {

    private static final List<String> TRACK_FIELDS = List.of("code", "nameKo", "nameEn", "scope", "scopeUnit", "envelope",
            "runningOrgUnit", "fundingOrgUnit", "ballotRule", "maxPicks", "ruleParam", "allocation");

    private final CycleService cycles;
    private final Pages pages;

    SetupController(CycleService cycles, Pages pages) {
        this.cycles = cycles;
        this.pages = pages;
    }

    // ---- new cycle ------------------------------------------------------------------------------

    @Secured(Role.Names.BUDGET_STAFF)
    @Get("/cycles/new")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> newCycle(HttpRequest<?> request) {
        Map<String, String> form = new HashMap<>();
        form.put("fiscalYear", Integer.toString(cycles.today().getYear() + 1));
        return pages.ok(request, "budgeting/cycle-new", cycleModel(form));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/cycles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> createCycle(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        FormErrors errors = new FormErrors();
        String name = form.getOrDefault("name", "").strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add("name", "budgeting.setup.error.name");
        }
        int year = 0;
        try {
            year = Integer.parseInt(form.getOrDefault("fiscalYear", "").strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (year < 2012 || year > 2100) {
            errors.add("fiscalYear", "budgeting.setup.error.fiscalYear");
        }
        Map<PhaseKind, LocalDate[]> schedule = schedule(form, errors);
        if (errors.isEmpty()) {
            long id = cycles.createCycleChecked(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), name, year, schedule);
            return Flash.redirect("/budgeting/cycles/" + id, "budgeting.notice.saved");
        }
        Map<String, Object> model = cycleModel(form);
        model.put("errors", errors);
        return pages.invalid(request, "budgeting/cycle-new", model);
    }

    private Map<String, Object> cycleModel(Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> values = new HashMap<>(form);
        values.putIfAbsent("name", "");
        values.putIfAbsent("fiscalYear", "");
        model.put("form", values);
        model.put("phaseKinds", PhaseKind.values());
        model.put("required", PhaseSchedule.REQUIRED);
        return model;
    }

    // ---- calendar -------------------------------------------------------------------------------

    @Secured(Role.Names.BUDGET_STAFF)
    @Get("/cycles/{id}/schedule")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> scheduleForm(HttpRequest<?> request, @PathVariable long id) {
        Map<String, String> form = new HashMap<>();
        for (Phase p : cycles.phases(id)) {
            form.put(p.kind().name() + "-start", p.startsOn().toString());
            form.put(p.kind().name() + "-end", p.endsOn().toString());
        }
        return pages.ok(request, "budgeting/schedule", scheduleModel(cycles.cycle(id), form));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/cycles/{id}/schedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> reschedule(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        Cycle cycle = cycles.cycle(id);
        FormErrors errors = new FormErrors();
        Map<PhaseKind, LocalDate[]> schedule = schedule(form, errors);
        if (errors.isEmpty()) {
            cycles.reschedule(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, schedule);
            return Flash.redirect("/budgeting/cycles/" + id, "budgeting.notice.saved");
        }
        Map<String, Object> model = scheduleModel(cycle, form);
        model.put("errors", errors);
        return pages.invalid(request, "budgeting/schedule", model);
    }

    private Map<String, Object> scheduleModel(Cycle cycle, Map<String, String> form) {
        Map<String, Object> model = cycleModel(form);
        model.put("cycle", cycle);
        model.put("frozen", cycles.frozen(cycle.id()));
        return model;
    }

    /** Reads {KIND}-start / {KIND}-end dates; unreadable dates and schedule problems become field errors. */
    static Map<PhaseKind, LocalDate[]> schedule(Map<String, String> form, FormErrors errors) {
        Map<PhaseKind, LocalDate[]> schedule = new EnumMap<>(PhaseKind.class);
        boolean unreadable = false;
        for (PhaseKind kind : PhaseKind.values()) {
            LocalDate[] d = new LocalDate[2];
            String[] fields = {kind.name() + "-start", kind.name() + "-end"};
            for (int i = 0; i < 2; i++) {
                String raw = form.getOrDefault(fields[i], "").strip();
                if (raw.isEmpty()) {
                    continue;
                }
                try {
                    d[i] = LocalDate.parse(raw);
                } catch (DateTimeParseException e) {
                    errors.add(fields[i], "budgeting.setup.phase.date." + kind.name());
                    unreadable = true;
                }
            }
            schedule.put(kind, d);
        }
        if (!unreadable) {
            PhaseSchedule.problems(schedule).forEach((kind, problem) ->
                    errors.add(kind.name() + "-start", "budgeting.setup.phase." + problem + "." + kind.name()));
        }
        return schedule;
    }

    // ---- tracks ---------------------------------------------------------------------------------

    @Secured(Role.Names.BUDGET_STAFF)
    @Get("/cycles/{id}/tracks/new")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> newTrack(HttpRequest<?> request, @PathVariable long id) {
        Map<String, String> form = new HashMap<>(Map.of("scope", "CITY", "ballotRule", "APPROVAL", "maxPicks", "3", "ruleParam", "0",
                "allocation", "GREEDY"));
        return pages.ok(request, "budgeting/track-new", trackModel(cycles.cycle(id), form));
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/cycles/{id}/tracks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> createTrack(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        Cycle cycle = cycles.cycle(id);
        FormErrors errors = new FormErrors();
        long envelope = number(form, "envelope", errors, "budgeting.setup.error.envelope");
        int maxPicks = small(number(form, "maxPicks", errors, "budgeting.setup.error.maxPicks"));
        int ruleParam = small(number(form, "ruleParam", errors, "budgeting.setup.error.ruleParam"));
        String nameKo = text(form, "nameKo");
        TrackSpec spec = new TrackSpec(text(form, "code") == null ? null : text(form, "code").toUpperCase(java.util.Locale.ROOT),
                nameKo, text(form, "nameEn") == null ? nameKo : text(form, "nameEn"), text(form, "scope"), text(form, "scopeUnit"),
                envelope, text(form, "runningOrgUnit"), text(form, "fundingOrgUnit"), text(form, "ballotRule"), maxPicks, ruleParam,
                text(form, "allocation"), "OPEN_CALL");
        if (errors.isEmpty()) {
            Map<String, String> problems = TrackRules.problems(spec);
            for (String field : TRACK_FIELDS) {
                if (problems.containsKey(field)) {
                    errors.add(field, "budgeting.setup.error." + problems.get(field));
                }
            }
        }
        if (errors.isEmpty() && cycles.tracks(id).stream().anyMatch(t -> t.code().equals(spec.code()))) {
            errors.add("code", "budgeting.setup.error.code.taken");
        }
        if (errors.isEmpty()) {
            long trackId = cycles.createTrack(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, spec, false);
            return Flash.redirect("/budgeting/tracks/" + trackId, "budgeting.notice.saved");
        }
        Map<String, Object> model = trackModel(cycle, form);
        model.put("errors", errors);
        return pages.invalid(request, "budgeting/track-new", model);
    }

    private Map<String, Object> trackModel(Cycle cycle, Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> values = new HashMap<>(form);
        TRACK_FIELDS.forEach(f -> values.putIfAbsent(f, ""));
        model.put("form", values);
        model.put("cycle", cycle);
        model.put("frozen", cycles.frozen(cycle.id()));
        return model;
    }

    /** Narrows to int without wrapping around: out-of-range values become -1, which TrackRules refuses. */
    private static int small(long value) {
        return value < 0 || value > 1000 ? -1 : (int) value;
    }

    private static String text(Map<String, String> form, String key) {
        String v = form.getOrDefault(key, "").strip();
        return v.isEmpty() ? null : v;
    }

    /** A whole number; 원 amounts may be typed with thousands separators ("1,000,000,000"). */
    private static long number(Map<String, String> form, String key, FormErrors errors, String messageKey) {
        String raw = form.getOrDefault(key, "").replace(",", "").replace("원", "").strip();
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            errors.add(key, messageKey);
            return 0;
        }
    }
}
