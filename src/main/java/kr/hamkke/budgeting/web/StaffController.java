package kr.hamkke.budgeting.web;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.budgeting.service.Models.Cycle;
import kr.hamkke.budgeting.service.Models.Track;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.budgeting.service.ProjectService;
import kr.hamkke.budgeting.service.TallyService;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

/** Staff work: screening, feasibility, shortlist, track rules, phases, tally, exclusions, publication, 총회, Pabulib import. */
@Controller("/budgeting/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffController {

    private final CycleService cycles;
    private final ProjectService projects;
    private final TallyService tallies;
    private final Pages pages;
    private final kr.hamkke.budgeting.service.Recusals recusals;

    StaffController(CycleService cycles, ProjectService projects, TallyService tallies, Pages pages,
                    kr.hamkke.budgeting.service.Recusals recusals) {
        this.recusals = recusals;
        this.cycles = cycles;
        this.projects = projects;
        this.tallies = tallies;
        this.pages = pages;
    }

    @Secured({Role.Names.BUDGET_STAFF, Role.Names.DISTRICT_OFFICER, Role.Names.DEPT_REVIEWER, Role.Names.PANEL_MEMBER})
    @Get
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> hub(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (Cycle c : cycles.cycles()) {
            Map<String, Object> row = new HashMap<>();
            row.put("cycle", c);
            row.put("phase", cycles.currentPhase(c.id()).orElse(null));
            row.put("tracks", cycles.tracks(c.id()));
            row.put("queue", projects.ofCycleWithStatus(c.id(), "SUBMITTED").size() + projects.ofCycleWithStatus(c.id(), "ELIGIBLE").size()
                    + projects.ofCycleWithStatus(c.id(), "FEASIBLE").size());
            rows.add(row);
        }
        model.put("rows", rows);
        return pages.ok(request, "budgeting/staff", model);
    }

    private static boolean yes(Map<String, String> form, String key) {
        return "PASS".equals(form.get(key)) || "on".equals(form.get(key)) || "true".equals(form.get(key));
    }

    @Secured({Role.Names.BUDGET_STAFF, Role.Names.DISTRICT_OFFICER})
    @Post("/projects/{id}/screen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> screen(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        CurrentUser user = CurrentUser.from(auth);
        String role = user.has(Role.Names.BUDGET_STAFF) ? Role.Names.BUDGET_STAFF : Role.Names.DISTRICT_OFFICER;
        projects.screen(user.as(role), id, new ProjectService.Screening(yes(form, "law"), yes(form, "duplicate"), yes(form, "cost"),
                yes(form, "scope"), yes(form, "runningCost"), form.get("reasonCode"), form.get("publicReason")));
        return Flash.redirect("/budgeting/projects/" + id, "budgeting.notice.saved");
    }

    @Secured(Role.Names.DEPT_REVIEWER)
    @Post("/projects/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> review(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        Long adjusted = null;
        String cost = form.getOrDefault("adjustedCost", "").replace(",", "").strip();
        if (!cost.isEmpty()) {
            try {
                adjusted = Long.parseLong(cost);
            } catch (NumberFormatException e) {
                throw DomainException.invalid("budgeting.cost");
            }
        }
        projects.review(CurrentUser.from(auth).as(Role.Names.DEPT_REVIEWER), id, form.getOrDefault("verdict", ""), adjusted, form.get("reason"));
        return Flash.redirect("/budgeting/projects/" + id, "budgeting.notice.saved");
    }

    @Secured({Role.Names.PANEL_MEMBER, Role.Names.BUDGET_STAFF})
    @Post("/projects/{id}/shortlist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> shortlist(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        CurrentUser user = CurrentUser.from(auth);
        String role = user.has(Role.Names.PANEL_MEMBER) ? Role.Names.PANEL_MEMBER : Role.Names.BUDGET_STAFF;
        projects.shortlist(user.as(role), id, "ON_BALLOT".equals(form.get("decision")), form.get("reason"));
        return Flash.redirect("/budgeting/projects/" + id, "budgeting.notice.saved");
    }

    /** B3: a committee member declares a conflict of interest on a project (public ground and note). */
    @Secured(Role.Names.PANEL_MEMBER)
    @Post("/projects/{id}/recuse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> recuse(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        recusals.declare(CurrentUser.from(auth).as(Role.Names.PANEL_MEMBER), id, form.get("ground"), form.get("note"));
        return Flash.redirect("/budgeting/projects/" + id, "budgeting.notice.recused");
    }

    /** Merges this project into another of its track, named by its public code (PB-…) or its number. */
    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/projects/{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> merge(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        String target = form.getOrDefault("survivor", "").strip();
        long survivorId;
        if (target.matches("\\d{1,18}")) {
            survivorId = Long.parseLong(target);
        } else {
            survivorId = projects.byCode(target).map(p -> p.id()).orElseThrow(() -> DomainException.invalid("budgeting.merge-target"));
        }
        projects.merge(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, survivorId, form.get("reason"));
        return Flash.redirect("/budgeting/projects/" + id, "budgeting.notice.merged");
    }

    private static int intOf(Map<String, String> form, String key) {
        try {
            return Integer.parseInt(form.getOrDefault(key, "").strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("budgeting.number");
        }
    }

    private static LocalDate dateOf(Map<String, String> form, String key) {
        try {
            return LocalDate.parse(form.getOrDefault(key, "").strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("budgeting.date");
        }
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/tracks/{id}/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> rules(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        cycles.updateRules(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, form.getOrDefault("ballotRule", ""),
                intOf(form, "maxPicks"), intOf(form, "ruleParam"), form.getOrDefault("allocation", ""));
        return Flash.redirect("/budgeting/tracks/" + id, "budgeting.notice.saved");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/cycles/{id}/eligibility")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> eligibility(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        String relations = form.getOrDefault("relations", "RESIDENT,WORKER,STUDENT");
        if (!relations.matches("(RESIDENT|WORKER|STUDENT)(,(RESIDENT|WORKER|STUDENT))*")) {
            throw DomainException.invalid("budgeting.relations");
        }
        cycles.updateEligibility(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, intOf(form, "minAge"), relations,
                intOf(form, "weightCitizen"), intOf(form, "weightCommittee"), intOf(form, "weightSchool"));
        return Flash.redirect("/budgeting/cycles/" + id, "budgeting.notice.saved");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/cycles/{id}/phases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> phase(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        PhaseKind kind;
        try {
            kind = PhaseKind.valueOf(form.getOrDefault("kind", ""));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("budgeting.phase");
        }
        cycles.movePhase(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, kind, dateOf(form, "startsOn"), dateOf(form, "endsOn"));
        return Flash.redirect("/budgeting/cycles/" + id, "budgeting.notice.saved");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/tracks/{id}/tally")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> tally(Authentication auth, @PathVariable long id) {
        tallies.run(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id);
        return Flash.redirect("/budgeting/staff/tracks/" + id + "/tally", "budgeting.notice.counted");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Get("/tracks/{id}/tally")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> tallyPreview(HttpRequest<?> request, @PathVariable long id) {
        Track track = cycles.track(id);
        Map<String, Object> model = new HashMap<>();
        model.put("track", track);
        model.put("result", tallies.latest(id).orElse(null));
        model.put("published", tallies.published(id).isPresent());
        return pages.ok(request, "budgeting/tally", model);
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/tracks/{id}/exclude")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> exclude(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        long projectId;
        try {
            projectId = Long.parseLong(form.getOrDefault("projectId", ""));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("budgeting.project-not-on-ballot");
        }
        tallies.exclude(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, projectId, form.get("reason"));
        return Flash.redirect("/budgeting/staff/tracks/" + id + "/tally", "budgeting.notice.saved");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/tracks/{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> publish(Authentication auth, @PathVariable long id) {
        tallies.publish(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id);
        return Flash.redirect("/budgeting/tracks/" + id + "/results", "budgeting.notice.published");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/cycles/{id}/assembly")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> assembly(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        tallies.recordAssembly(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, dateOf(form, "heldOn"), intOf(form, "attendees"),
                intOf(form, "yes"), intOf(form, "no"), intOf(form, "abstain"));
        return Flash.redirect("/budgeting/cycles/" + id, "budgeting.notice.saved");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> importPb(Authentication auth, @Body Map<String, String> form) {
        var actor = CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF);
        long trackId = tallies.importPabulib(actor, form.getOrDefault("pb", ""));
        tallies.run(actor, trackId);
        return Flash.redirect("/budgeting/staff/tracks/" + trackId + "/tally", "budgeting.notice.imported");
    }

    static @Nullable String none() {
        return null;
    }
}
