package kr.hamkke.assembly;

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
import kr.hamkke.identity.AccountService;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Staff (ADMIN) pages: cycles, recruitment counts, commit–reveal draw, memberships, meetings, plenary close. */
@Controller("/staff/assembly")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.Names.ADMIN)
class AssemblyStaffController {

    private final CycleService cycles;
    private final MembershipService members;
    private final DeliberationService deliberation;
    private final AccountService accounts;
    private final MemberActivityService activity;
    private final ProposalLinkService links;
    private final Pages pages;

    AssemblyStaffController(CycleService cycles, MembershipService members, DeliberationService deliberation,
                            AccountService accounts, MemberActivityService activity, ProposalLinkService links, Pages pages) {
        this.activity = activity;
        this.links = links;
        this.cycles = cycles;
        this.members = members;
        this.deliberation = deliberation;
        this.accounts = accounts;
        this.pages = pages;
    }

    private static Actor admin(Authentication authentication) {
        return CurrentUser.from(authentication).as(Role.Names.ADMIN);
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> index(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("cycles", cycles.list());
        model.put("year", LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL).getYear());
        return pages.ok(request, "assembly/staff-index", model);
    }

    @Post("/cycles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> create(Authentication authentication, @Body Forms.CycleForm f) {
        if (f.name() == null || f.name().isBlank()) {
            throw DomainException.invalid("assembly.cycle-name");
        }
        List<String> agendas = f.agendas() == null ? List.of() : Arrays.stream(f.agendas().split("\\R")).filter(s -> !s.isBlank()).toList();
        long id = cycles.create(admin(authentication), new CycleService.NewCycle(f.name().strip(), number(f.year(), 2026),
                number(f.seats(), 300), number(f.reserveSeats(), 60), date(f.recruitOpens()), required(f.recruitCloses()),
                date(f.drawDate()), date(f.meeting1()), date(f.meeting2()), date(f.meeting3()), date(f.plenary()), f.quotaCsv(), agendas));
        return Flash.redirect("/staff/assembly/" + id, "assembly.notice.created");
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> manage(HttpRequest<?> request, long id) {
        Cycle c = cycles.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", c);
        model.put("applicants", cycles.applicantCount(id));
        model.put("counts", cycles.stratumCounts(c));
        model.put("problems", c.historic() ? List.of() : cycles.feasibilityProblems(c));
        model.put("draw", cycles.storedDraw(id).orElse(null));
        model.put("memberships", members.ofCycle(id));
        model.put("replacementOpen", members.replacementOpen(c));
        var meetings = deliberation.meetings(id);
        model.put("meetings", meetings);
        Map<Long, List<DeliberationService.Table>> tables = new LinkedHashMap<>();
        meetings.forEach(m -> tables.put(m.id(), deliberation.tables(m.id())));
        model.put("tables", tables);
        model.put("drafts", deliberation.drafts(id));
        model.put("next", c.status().next());
        model.put("positions", Membership.Position.values());
        model.put("rates", activity.completionRates(id));
        model.put("present", activity.presentCounts(id));
        model.put("proposals", deliberation.proposals(id));
        model.put("links", links.byProposal());
        model.put("targets", ProposalLinkService.Target.values());
        return pages.ok(request, "assembly/staff-cycle", model);
    }

    @Post("/{id}/commit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> commit(long id, Authentication authentication, @Body Forms.CommitForm f) {
        cycles.get(id);
        cycles.publishCommitment(admin(authentication), id, f.commitment());
        return Flash.redirect("/staff/assembly/" + id, "assembly.notice.committed");
    }

    @Post("/{id}/freeze")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> freeze(long id, Authentication authentication) {
        cycles.get(id);
        cycles.freeze(admin(authentication), id);
        return Flash.redirect("/staff/assembly/" + id, "assembly.notice.frozen");
    }

    @Post("/{id}/draw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> draw(long id, Authentication authentication, @Body Forms.DrawForm f) {
        cycles.get(id);
        cycles.draw(admin(authentication), id, f.beacon(), f.secret());
        return Flash.redirect("/assembly/" + id + "/draw", "assembly.notice.drawn");
    }

    @Post("/{id}/advance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> advance(long id, Authentication authentication, @Body Forms.AdvanceForm f) {
        cycles.get(id);
        Cycle.Status from = null;
        if (f.from() != null && !f.from().isBlank()) {
            try {
                from = Cycle.Status.valueOf(f.from());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("assembly.status");
            }
        }
        cycles.advance(admin(authentication), id, from);
        return Flash.redirect("/staff/assembly/" + id, "assembly.notice.advanced");
    }

    @Post("/{id}/meetings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> meeting(long id, Authentication authentication, @Body Forms.MeetingForm f) {
        cycles.get(id);
        var place = MeetingFormat.Place.of(f.format(), f.venue(), f.onlineNote());
        deliberation.createMeeting(admin(authentication), id, number(f.seq(), 1), f.title() == null || f.title().isBlank() ? "주제별 회의" : f.title().strip(),
                required(f.heldOn()), place);
        return Flash.redirect("/staff/assembly/" + id, "assembly.notice.saved");
    }

    @Post("/meetings/{id}/format")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> meetingPlace(long id, Authentication authentication, @Body Forms.MeetingPlaceForm f) {
        var meeting = deliberation.meeting(id);
        deliberation.setPlace(admin(authentication), id, MeetingFormat.Place.of(f.format(), f.venue(), f.onlineNote()));
        return Flash.redirect("/staff/assembly/" + meeting.cycleId(), "assembly.notice.saved");
    }

    @Post("/meetings/{id}/tables")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> table(long id, Authentication authentication, @Body Forms.TableForm f) {
        var meeting = deliberation.meeting(id);
        var facilitator = accounts.findByEmail(f.facilitatorEmail() == null ? "" : f.facilitatorEmail().strip())
                .orElseThrow(() -> DomainException.invalid("assembly.facilitator-unknown"));
        deliberation.createTable(admin(authentication), id, f.name() == null || f.name().isBlank() ? "분임" : f.name().strip(), facilitator.id());
        return Flash.redirect("/staff/assembly/" + meeting.cycleId(), "assembly.notice.saved");
    }

    @Post("/meetings/{id}/summary")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> summary(long id, Authentication authentication, @Body Forms.ReasonForm f) {
        var meeting = deliberation.meeting(id);
        if (f.reason() == null || f.reason().isBlank() || f.reason().length() > 4000) {
            throw DomainException.invalid("assembly.summary");
        }
        deliberation.setSummary(admin(authentication), id, f.reason().strip());
        return Flash.redirect("/staff/assembly/" + meeting.cycleId(), "assembly.notice.saved");
    }

    @Post("/memberships/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> dismiss(long id, Authentication authentication, @Body Forms.ReasonForm f) {
        var dismissed = members.dismiss(admin(authentication), id, f.reason());
        long cycleId = dismissed.map(Membership::cycleId).orElseGet(() -> cycleOfMembership(id));
        return Flash.redirect("/staff/assembly/" + cycleId, "assembly.notice.dismissed");
    }

    private long cycleOfMembership(long membershipId) {
        return cycles.list().stream().flatMap(c -> members.ofCycle(c.id()).stream()).filter(m -> m.id() == membershipId)
                .map(Membership::cycleId).findFirst().orElse(0L);
    }

    @Post("/{id}/plenary/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> closePlenary(long id, Authentication authentication) {
        cycles.get(id);
        deliberation.closePlenary(admin(authentication), id);
        return Flash.redirect("/assembly/" + id + "/plenary", "assembly.notice.plenary-closed");
    }

    @Post("/proposals/{id}/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> send(long id, Authentication authentication, @Body java.util.Map<String, String> form) {
        var proposal = deliberation.allProposals().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("assembly.proposal"));
        ProposalLinkService.Target target;
        try {
            target = ProposalLinkService.Target.valueOf(form.getOrDefault("target", ""));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("assembly.link-target");
        }
        String targetId = form.get("targetId");
        if (targetId == null || !targetId.strip().matches("\\d{1,18}")) {
            throw DomainException.invalid("assembly.link-target");
        }
        links.send(admin(authentication), id, target, Long.parseLong(targetId.strip()), form.get("note"));
        return Flash.redirect("/staff/assembly/" + proposal.cycleId(), "assembly.notice.sent");
    }

    private static int number(String s, int fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("assembly.number");
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("assembly.date");
        }
    }

    private static LocalDate required(String s) {
        LocalDate d = date(s);
        if (d == null) {
            throw DomainException.invalid("assembly.date");
        }
        return d;
    }
}
