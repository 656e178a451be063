package kr.hamkke.budgeting.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.budgeting.ballot.BallotPick;
import kr.hamkke.budgeting.service.BallotService;
import kr.hamkke.budgeting.service.Capability;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.budgeting.service.Models.Cycle;
import kr.hamkke.budgeting.service.Models.CycleView;
import kr.hamkke.budgeting.service.Models.Project;
import kr.hamkke.budgeting.service.Models.Track;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.budgeting.service.ProjectService;
import kr.hamkke.budgeting.service.TallyService;
import kr.hamkke.budgeting.tally.KoreanWon;
import kr.hamkke.identity.eligibility.ReasonCode;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;
import kr.hamkke.shared.web.Pages;

/** Public and citizen pages of 시민참여예산: cycles, tracks, projects, ballot, receipts, results. */
@Controller("/budgeting")
@ExecuteOn(TaskExecutors.BLOCKING)
class BudgetingController {

    private final CycleService cycles;
    private final ProjectService projects;
    private final BallotService ballots;
    private final kr.hamkke.budgeting.service.BallotDesk desk;
    private final TallyService tallies;
    private final Pages pages;
    private final kr.hamkke.budgeting.service.Recusals recusals;
    private final kr.hamkke.budgeting.service.BudgetSchool school;

    BudgetingController(CycleService cycles, ProjectService projects, BallotService ballots, TallyService tallies, Pages pages,
                        kr.hamkke.budgeting.service.BallotDesk desk, kr.hamkke.budgeting.service.Recusals recusals,
                        kr.hamkke.budgeting.service.BudgetSchool school) {
        this.recusals = recusals;
        this.school = school;
        this.desk = desk;
        this.cycles = cycles;
        this.projects = projects;
        this.ballots = ballots;
        this.tallies = tallies;
        this.pages = pages;
    }

    static String won(long won) {
        return KoreanWon.format(won);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> index(HttpRequest<?> request) {
        List<CycleView> views = new ArrayList<>();
        for (Cycle c : cycles.cycles()) {
            if (!"RECOUNT".equals(c.template())) {
                views.add(cycles.view(c.id()));
            }
        }
        return pages.ok(request, "budgeting/index", Map.of("cycles", views));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/cycles/{id}")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> cycle(HttpRequest<?> request, @PathVariable long id) {
        CycleView view = cycles.view(id);
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("capabilities", Capability.values());
        model.put("phaseKinds", PhaseKind.values());
        model.put("frozen", cycles.frozen(id));
        model.put("assembly", tallies.assembly(id).orElse(null));
        return pages.ok(request, "budgeting/cycle", model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/tracks/{id}")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> track(HttpRequest<?> request, @PathVariable long id) {
        Track track = cycles.track(id);
        Map<String, Object> model = new HashMap<>();
        model.put("track", track);
        model.put("cycle", cycles.cycle(track.cycleId()));
        model.put("phase", cycles.currentPhase(track.cycleId()).orElse(null));
        model.put("projects", projects.ofTrack(id));
        model.put("envelope", won(track.envelopeWon()));
        model.put("published", tallies.published(id).isPresent());
        model.put("voting", cycles.allows(track.cycleId(), Capability.VOTE) && !track.readOnly());
        model.put("submitting", cycles.allows(track.cycleId(), Capability.SUBMIT));
        model.put("turnout", cycles.allows(track.cycleId(), Capability.TURNOUT) ? ballots.turnout(id).total() : null);
        model.put("latest", tallies.latest(id).orElse(null));
        return pages.ok(request, "budgeting/track", model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/projects/{id}")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> project(HttpRequest<?> request, @PathVariable long id) {
        Project p = projects.find(id);
        Track track = cycles.track(p.trackId());
        Map<String, Object> model = new HashMap<>();
        model.put("project", p);
        model.put("track", track);
        model.put("cost", won(p.costWon()));
        model.put("requested", won(p.requestedCostWon()));
        model.put("timeline", projects.timeline(id));
        model.put("feasibility", projects.feasibility(id));
        model.put("phase", cycles.currentPhase(p.cycleId()).orElse(null));
        model.put("ineligibleCodes", List.of("LAW", "DUPLICATE", "COST", "SCOPE", "RUNNING_COST"));
        model.put("canWithdraw", CurrentUser.of(request).map(u -> p.proposerId() != null && p.proposerId() == u.accountId()).orElse(false)
                && !cycles.frozen(p.cycleId()) && List.of("SUBMITTED", "ELIGIBLE", "FEASIBLE", "ON_BALLOT").contains(p.status()));
        model.put("canEdit", CurrentUser.of(request).map(u -> p.proposerId() != null && p.proposerId() == u.accountId()).orElse(false)
                && cycles.allows(p.cycleId(), Capability.EDIT));
        model.put("recusals", recusals.of(id));
        boolean member = CurrentUser.of(request).map(u -> u.has("PANEL_MEMBER")).orElse(false);
        boolean recused = member && recusals.recused(CurrentUser.of(request).orElseThrow().accountId(), p);
        model.put("recused", recused);
        // A committee member acts as PANEL_MEMBER, so without 예산학교 for this cycle the decision is refused.
        model.put("schoolMissing", member && !school.completed(p.cycleId(), CurrentUser.of(request).orElseThrow().accountId()));
        model.put("canRecuse", member && !recused);
        model.put("recusalGrounds", List.of("JOB", "CONTRACT", "FAMILY", "OTHER"));
        model.put("mergedInto", projects.mergedInto(id).orElse(null));
        model.put("mergedFrom", projects.mergedFrom(id));
        PhaseKind phase = cycles.currentPhase(p.cycleId()).orElse(null);
        model.put("canMerge", CurrentUser.of(request).map(u -> u.has("BUDGET_STAFF")).orElse(false)
                && List.of("SUBMITTED", "ELIGIBLE", "FEASIBLE").contains(p.status())
                && (phase == PhaseKind.SCREENING || phase == PhaseKind.FEASIBILITY || phase == PhaseKind.DELIBERATION));
        return pages.ok(request, "budgeting/project", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/tracks/{id}/propose")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> proposeForm(HttpRequest<?> request, @PathVariable long id) {
        Track track = cycles.track(id);
        cycles.require(track.cycleId(), Capability.SUBMIT);
        return pages.ok(request, "budgeting/propose", proposeModel(track, null, Map.of()));
    }

    private Map<String, Object> proposeModel(Track track, @Nullable Project existing, Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        model.put("track", track);
        model.put("project", existing);
        Map<String, String> values = new HashMap<>();
        if (existing != null) {
            values.put("title", existing.title());
            values.put("description", existing.description());
            values.put("guCode", existing.guCode() == null ? "" : existing.guCode());
            values.put("dongCode", existing.dongCode() == null ? "" : existing.dongCode());
            values.put("category", existing.category());
            values.put("cost", Long.toString(existing.requestedCostWon()));
        }
        values.putAll(form);
        for (String k : List.of("title", "description", "guCode", "dongCode", "category", "cost")) {
            values.putIfAbsent(k, "");
        }
        model.put("form", values);
        return model;
    }

    private static ProjectService.Draft draft(Map<String, String> form, FormErrors errors) {
        String title = form.getOrDefault("title", "").strip();
        String description = form.getOrDefault("description", "").strip();
        String category = form.getOrDefault("category", "").strip();
        long cost = 0;
        if (title.isEmpty() || title.length() > 200) {
            errors.add("title", "budgeting.form.title.required");
        }
        if (description.length() < 20) {
            errors.add("description", "budgeting.form.description.short");
        }
        if (category.isEmpty()) {
            errors.add("category", "budgeting.form.category.required");
        }
        try {
            cost = Long.parseLong(form.getOrDefault("cost", "").replace(",", "").strip());
            if (cost <= 0) {
                errors.add("cost", "budgeting.form.cost.invalid");
            }
        } catch (NumberFormatException e) {
            errors.add("cost", "budgeting.form.cost.invalid");
        }
        return new ProjectService.Draft(title, description, form.get("guCode"), form.get("dongCode"), category, cost);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/tracks/{id}/propose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> propose(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        CurrentUser user = CurrentUser.from(auth);
        Track track = cycles.track(id);
        if (!user.verified()) {
            throw DomainException.notAllowed("budgeting.NOT_VERIFIED");
        }
        FormErrors errors = new FormErrors();
        ProjectService.Draft d = draft(form, errors);
        if (errors.isEmpty()) {
            long pid = projects.submit(user.asCitizen(), id, d);
            return Flash.redirect("/budgeting/projects/" + pid, "budgeting.notice.submitted");
        }
        Map<String, Object> model = proposeModel(track, null, form);
        model.put("errors", errors);
        return pages.invalid(request, "budgeting/propose", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/projects/{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> editForm(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        Project p = projects.find(id);
        if (p.proposerId() == null || p.proposerId() != CurrentUser.from(auth).accountId()) {
            throw DomainException.notAllowed("forbidden");
        }
        cycles.require(p.cycleId(), Capability.EDIT);
        return pages.ok(request, "budgeting/propose", proposeModel(cycles.track(p.trackId()), p, Map.of()));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/projects/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> edit(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        Project p = projects.find(id);
        FormErrors errors = new FormErrors();
        ProjectService.Draft d = draft(form, errors);
        if (errors.isEmpty()) {
            projects.edit(CurrentUser.from(auth).asCitizen(), id, d);
            return Flash.redirect("/budgeting/projects/" + id, "budgeting.notice.saved");
        }
        Map<String, Object> model = proposeModel(cycles.track(p.trackId()), p, form);
        model.put("errors", errors);
        return pages.invalid(request, "budgeting/propose", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/projects/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> withdraw(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        projects.withdraw(CurrentUser.from(auth).asCitizen(), id, form.get("reason"));
        return Flash.redirect("/budgeting/projects/" + id, "budgeting.notice.saved");
    }

    // ---- ballot ---------------------------------------------------------------------------------

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/tracks/{id}/ballot")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> ballotPage(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id) {
        Track track = cycles.track(id);
        Long accountId = auth == null ? null : CurrentUser.from(auth).accountId();
        List<Long> current = accountId == null ? List.of() : ballots.currentSelections(accountId, id).orElse(List.of());
        return pages.ok(request, "budgeting/ballot", ballotModel(track, accountId, current.stream().map(String::valueOf).toList()));
    }

    private Map<String, Object> ballotModel(Track track, Long accountId, List<String> checked) {
        Map<String, Object> model = new HashMap<>();
        model.put("track", track);
        model.put("envelope", won(track.envelopeWon()));
        model.put("projects", projects.ofTrack(track.id()).stream().filter(p -> "ON_BALLOT".equals(p.status())).toList());
        ReasonCode reason = ballots.eligibility(accountId, track);
        model.put("reason", reason);
        model.put("eligible", reason == ReasonCode.ELIGIBLE);
        model.put("checked", checked);
        model.put("changing", accountId != null && ballots.ballotSource(accountId, track.id()).isPresent());
        model.put("closes", cycles.votingCloses(track.cycleId()));
        model.put("budgetAttr", "KNAPSACK".equals(track.ballotRule()) ? Long.toString(track.envelopeWon()) : null);
        return model;
    }

    static List<BallotPick> picks(List<String> ids) {
        List<BallotPick> picks = new ArrayList<>();
        for (String id : ids) {
            String s = id == null ? "" : id.strip();
            if (!s.matches("\\d{1,18}")) {
                throw DomainException.invalid("budgeting.ballot.UNKNOWN_PROJECT");
            }
            picks.add(BallotPick.of(s));
        }
        return picks;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/tracks/{id}/ballot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> vote(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body Map<String, Object> form) {
        CurrentUser user = CurrentUser.from(auth);
        Track track = cycles.track(id);
        List<String> ids = formValues(form, "projectIds");
        try {
            BallotService.Receipt receipt = desk.submitOnline(user.accountId(), user.has("PANEL_MEMBER"), id, picks(ids), null);
            Map<String, Object> model = new HashMap<>();
            model.put("track", track);
            model.put("receipt", receipt);
            return pages.ok(request, "budgeting/receipt", model).header("Cache-Control", "no-store");
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            Map<String, Object> model = ballotModel(track, user.accountId(), ids);
            model.put("errors", new FormErrors().add("projects", "error." + e.code()));
            return pages.invalid(request, "budgeting/ballot", model);
        }
    }

    /** Repeated form fields (projectIds=1&projectIds=2) arrive as a list, a single one as a string. */
    static List<String> formValues(Map<String, Object> form, String name) {
        Object v = form.get(name);
        List<String> values = new ArrayList<>();
        if (v instanceof Iterable<?> it) {
            it.forEach(x -> values.add(String.valueOf(x)));
        } else if (v != null) {
            values.add(String.valueOf(v));
        }
        return values;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/receipts")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> receiptCheck(HttpRequest<?> request, @Nullable @QueryValue String code) {
        Map<String, Object> model = new HashMap<>();
        model.put("code", code == null ? "" : code);
        model.put("status", code == null || code.isBlank() ? null : ballots.receipt(code));
        return pages.ok(request, "budgeting/receipt-check", model);
    }

    // ---- results: ResultsController (cached body) ---------------------------------------------

    /** The published input: anonymised ballots as a Pabulib file (after publication). */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/tracks/{id}/ballots.pb")
    @Produces({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<String> export(@PathVariable long id, @Nullable Authentication auth) {
        boolean staff = auth != null && auth.getRoles().contains("BUDGET_STAFF");
        if (!staff && tallies.published(id).isEmpty()) {
            throw DomainException.notFound("budgeting.results-unpublished");
        }
        return HttpResponse.ok(tallies.exportPabulib(id)).contentType("text/plain;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"track-" + id + ".pb\"");
    }
}
