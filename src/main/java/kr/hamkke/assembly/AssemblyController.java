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
import jakarta.validation.Validator;
import kr.hamkke.assembly.sortition.FairnessReport;
import kr.hamkke.assembly.sortition.Pool;
import kr.hamkke.assembly.sortition.PopulationTable;
import kr.hamkke.identity.Role;
import kr.hamkke.identity.eligibility.ReasonCode;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;
import kr.hamkke.shared.web.Pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public pages, applications, the member page, table threads and the plenary ballot. */
@Controller("/assembly")
@ExecuteOn(TaskExecutors.BLOCKING)
class AssemblyController {

    /** Re-draws behind the published per-stratum probabilities (docs/SORTITION.md §5), computed once per draw. */
    static final int FAIRNESS_REDRAWS = 1000;
    private static final java.util.Map<String, List<FairnessReport.StratumLine>> EMPIRICAL = new java.util.concurrent.ConcurrentHashMap<>();

    private final CycleService cycles;
    private final MembershipService members;
    private final DeliberationService deliberation;
    private final MemberActivityService activity;
    private final ProposalLinkService links;
    private final Validator validator;
    private final Pages pages;
    private final Clock clock;

    private final MinutesService minutes;

    AssemblyController(CycleService cycles, MembershipService members, DeliberationService deliberation,
                       MemberActivityService activity, ProposalLinkService links, Validator validator, Pages pages, Clock clock,
                       MinutesService minutes) {
        this.minutes = minutes;
        this.activity = activity;
        this.links = links;
        this.cycles = cycles;
        this.members = members;
        this.deliberation = deliberation;
        this.validator = validator;
        this.pages = pages;
        this.clock = clock;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> index(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("cycles", cycles.list());
        model.put("proposals", deliberation.allProposals());
        model.put("links", links.byProposal());
        model.put("today", LocalDate.now(clock));
        return pages.ok(request, "assembly/index", model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> cycle(HttpRequest<?> request, long id, @Nullable Authentication authentication) {
        Cycle c = cycles.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", c);
        model.put("agendas", cycles.agendas(id));
        model.put("applicants", cycles.applicantCount(id));
        var meetings = deliberation.meetings(id);
        model.put("meetings", meetings);
        Map<Long, List<DeliberationService.Table>> tables = new LinkedHashMap<>();
        meetings.forEach(m -> tables.put(m.id(), deliberation.tables(m.id())));
        model.put("tables", tables);
        Map<Long, MinutesService.Version> published = new HashMap<>();
        meetings.forEach(m -> minutes.latestPublished(m.id()).ifPresent(v -> published.put(m.id(), v)));
        model.put("minutes", published);
        model.put("draw", cycles.storedDraw(id).orElse(null));
        model.put("proposals", deliberation.proposals(id));
        model.put("today", LocalDate.now(clock));
        model.put("officers", activity.officers(id));
        model.put("links", links.byProposal());
        model.put("present", activity.presentCounts(id));
        Long accountId = authentication == null ? null : CurrentUser.from(authentication).accountId();
        model.put("reason", cycles.eligibility(c, accountId).messageKey());
        model.put("eligible", accountId != null && cycles.eligibility(c, accountId) == ReasonCode.ELIGIBLE);
        model.put("application", accountId == null ? null : cycles.applicationOf(id, accountId).orElse(null));
        model.put("membership", accountId == null ? null : members.of(id, accountId).orElse(null));
        return pages.ok(request, "assembly/cycle", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/{id}/apply")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> applyPage(HttpRequest<?> request, long id, Authentication authentication) {
        Cycle c = cycles.get(id);
        return pages.ok(request, "assembly/apply", applyModel(c, CurrentUser.from(authentication), new Forms.ApplyForm("", "", null, null), null));
    }

    private Map<String, Object> applyModel(Cycle c, CurrentUser user, Forms.ApplyForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", c);
        ReasonCode reason = cycles.eligibility(c, user.accountId());
        model.put("reason", reason.messageKey());
        model.put("eligible", reason == ReasonCode.ELIGIBLE);
        model.put("application", cycles.applicationOf(c.id(), user.accountId()).orElse(null));
        model.put("form", form);
        model.put("errors", errors == null ? new FormErrors() : errors);
        return model;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/{id}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> apply(HttpRequest<?> request, long id, Authentication authentication, @Body Forms.ApplyForm form) {
        CurrentUser user = CurrentUser.from(authentication);
        Cycle c = cycles.get(id);
        FormErrors errors = FormErrors.of(validator.validate(form), Forms.ApplyForm.FIELDS);
        if (!form.privacy()) {
            errors.add("consentPrivacy", "assembly.form.consent.required");
        }
        if (!errors.isEmpty()) {
            return pages.invalid(request, "assembly/apply", applyModel(c, user, form, errors));
        }
        cycles.apply(user.accountId(), id, form.motivation(), form.availability(), form.privacy(), form.name());
        return Flash.redirect("/assembly/me", "assembly.notice.applied");
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}/draw")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> draw(HttpRequest<?> request, long id) {
        Cycle c = cycles.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", c);
        var draw = cycles.storedDraw(id).orElse(null);
        model.put("draw", draw);
        model.put("poolSize", c.frozen() ? Pool.parse(cycles.poolFile(id)).size() : 0);
        if (draw != null) {
            model.put("command", CycleService.rerunCommand(c));
            model.put("report", FairnessReport.categories(Pool.parse(cycles.poolFile(id)), cycles.drawResult(c), PopulationTable.seoul()));
            model.put("memberships", members.ofCycle(id));
            model.put("redraws", FAIRNESS_REDRAWS);
            model.put("strata", EMPIRICAL.computeIfAbsent(draw.seed() + draw.poolHash() + draw.quotaHash(), k ->
                    FairnessReport.empirical(Pool.parse(cycles.poolFile(id)), kr.hamkke.assembly.sortition.QuotaTable.parse(c.quotaCsv()),
                            kr.hamkke.assembly.sortition.CommitReveal.Seed.parseHex(draw.seed()), FAIRNESS_REDRAWS)));
        }
        return pages.ok(request, "assembly/draw", model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}/pool.txt")
    @Produces({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, MediaType.ALL})
    HttpResponse<String> poolFile(long id) {
        cycles.get(id);
        return HttpResponse.ok(cycles.poolFile(id)).contentType(MediaType.of("text/plain;charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"pool-" + id + ".txt\"");
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}/quotas.csv")
    @Produces({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, MediaType.ALL})
    HttpResponse<String> quotas(long id) {
        Cycle c = cycles.get(id);
        return HttpResponse.ok(c.quotaCsv()).contentType(MediaType.of("text/plain;charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"quotas-" + id + ".csv\"");
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> me(HttpRequest<?> request, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("applications", cycles.applicationsOf(user.accountId()));
        model.put("memberships", members.ofAccount(user.accountId()));
        Map<Long, Cycle> byId = new HashMap<>();
        cycles.list().forEach(c -> byId.put(c.id(), c));
        model.put("cyclesById", byId);
        model.put("deadline", MembershipService.ACCEPT_WITHIN);
        Map<Long, Object> attendance = new HashMap<>();
        Map<Long, Object> learning = new HashMap<>();
        Map<Long, Object> meetingsOf = new HashMap<>();
        for (Membership m : members.ofAccount(user.accountId())) {
            meetingsOf.put(m.id(), deliberation.meetings(m.cycleId()));
            attendance.put(m.id(), activity.attendanceOf(m.id()));
            learning.put(m.id(), List.of(activity.doneBy(m.id()).size(), activity.materials(m.cycleId()).size()));
        }
        model.put("attendance", attendance);
        model.put("learning", learning);
        model.put("meetingsOf", meetingsOf);
        return pages.ok(request, "assembly/me", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/memberships/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> membershipAction(long id, String action, Authentication authentication) {
        long accountId = CurrentUser.from(authentication).accountId();
        switch (action) {
            case "accept" -> members.accept(accountId, id);
            case "decline" -> members.decline(accountId, id);
            case "pre-learning" -> members.completePreLearning(accountId, id);
            case "withdraw" -> members.withdraw(accountId, id);
            default -> throw DomainException.notFound("assembly.action");
        }
        return Flash.redirect("/assembly/me", "assembly.notice." + action);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/tables/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> table(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        var table = deliberation.requireThreadAccess(user, id);
        var meeting = deliberation.meeting(table.meetingId());
        Map<String, Object> model = new HashMap<>();
        model.put("table", table);
        model.put("meeting", meeting);
        model.put("cycle", cycles.get(meeting.cycleId()));
        model.put("posts", deliberation.posts(id));
        model.put("open", meeting.open(LocalDate.now(clock)));
        model.put("facilitator", table.facilitatorAccountId() == user.accountId());
        model.put("drafts", deliberation.drafts(meeting.cycleId()).stream().filter(d -> d.tableId() == id).toList());
        return pages.ok(request, "assembly/table", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/tables/{id}/posts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> post(long id, Authentication authentication, @Body Forms.PostForm form) {
        deliberation.post(CurrentUser.from(authentication), id, form.stance() == null ? "POINT" : form.stance(), form.body());
        return Flash.redirect("/assembly/tables/" + id, "assembly.notice.posted");
    }

    @Secured(Role.Names.FACILITATOR)
    @Post("/tables/{id}/drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> forward(long id, Authentication authentication, @Body Forms.DraftForm form) {
        deliberation.forwardDraft(CurrentUser.from(authentication), id, form.title(), form.body(), form.orgUnit());
        return Flash.redirect("/assembly/tables/" + id, "assembly.notice.forwarded");
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}/plenary")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> plenary(HttpRequest<?> request, long id, @Nullable Authentication authentication) {
        Cycle c = cycles.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", c);
        model.put("results", deliberation.results(id));
        model.put("active", members.activeCount(id));
        model.put("turnoutPercent", deliberation.turnoutPercent());
        Long accountId = authentication == null ? null : CurrentUser.from(authentication).accountId();
        model.put("membership", accountId == null ? null : members.of(id, accountId).orElse(null));
        model.put("voted", accountId == null ? java.util.Set.of() : deliberation.votedDrafts(id, accountId));
        model.put("open", c.status() == Cycle.Status.PLENARY);
        model.put("counted", c.status().atLeast(Cycle.Status.HANDED_OFF));
        return pages.ok(request, "assembly/plenary", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/plenary/{draftId}/vote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> vote(long draftId, Authentication authentication, @Body Forms.VoteForm form) {
        DeliberationService.Choice choice;
        try {
            choice = DeliberationService.Choice.valueOf(form.choice() == null ? "" : form.choice());
        } catch (IllegalArgumentException e) {
            deliberation.findDraft(draftId).orElseThrow(() -> DomainException.notFound("assembly.draft"));
            throw DomainException.invalid("assembly.choice");
        }
        deliberation.vote(CurrentUser.from(authentication).accountId(), draftId, choice);
        long cycleId = deliberation.cycleIdOfDraft(draftId);
        return Flash.redirect("/assembly/" + cycleId + "/plenary", "assembly.notice.voted");
    }

    @Secured(Role.Names.DEPT_REVIEWER)
    @Get("/responses")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> responses(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("proposals", deliberation.proposalsFor(CurrentUser.from(authentication).accountId()));
        model.put("today", LocalDate.now(clock));
        model.put("responses", DeliberationService.Response.values());
        return pages.ok(request, "assembly/responses", model);
    }

    @Secured(Role.Names.DEPT_REVIEWER)
    @Post("/proposals/{id}/respond")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> respond(long id, Authentication authentication, @Body Forms.ResponseForm form) {
        DeliberationService.Response response;
        try {
            response = DeliberationService.Response.valueOf(form.response() == null ? "" : form.response());
        } catch (IllegalArgumentException e) {
            response = null;
        }
        if (response == null) {
            deliberation.allProposals().stream().filter(p -> p.id() == id).findFirst()
                    .orElseThrow(() -> DomainException.notFound("assembly.proposal"));
            throw DomainException.invalid("assembly.response");
        }
        deliberation.respond(CurrentUser.from(authentication), id, response, form.text());
        return Flash.redirect("/assembly/responses", "assembly.notice.responded");
    }
}
