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
import io.micronaut.security.rules.SecurityRule;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

import java.util.HashMap;
import java.util.Map;

/** The draft page of a table: current text, revisions, amendments with their votes. Members-only like the thread. */
@Controller("/assembly")
@ExecuteOn(TaskExecutors.BLOCKING)
class AmendmentController {

    private final AmendmentService amendments;
    private final MembershipService members;
    private final CycleService cycles;
    private final Pages pages;

    AmendmentController(AmendmentService amendments, MembershipService members, CycleService cycles, Pages pages) {
        this.amendments = amendments;
        this.members = members;
        this.cycles = cycles;
        this.pages = pages;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/drafts/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> draft(HttpRequest<?> request, long id, Authentication authentication) {
        CurrentUser user = CurrentUser.from(authentication);
        var view = amendments.requireDraftAccess(user, id);
        Cycle cycle = cycles.get(view.cycleId());
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("cycle", cycle);
        model.put("amendments", amendments.amendments(id));
        model.put("revisions", amendments.revisions(id));
        model.put("voted", amendments.votedBy(id, user.accountId()));
        model.put("member", members.of(view.cycleId(), user.accountId()).map(Membership::participating).orElse(false));
        model.put("facilitator", amendments.isFacilitator(view.tableId(), user.accountId()));
        model.put("open", !cycle.status().atLeast(Cycle.Status.PLENARY));
        return pages.ok(request, "assembly/draft", model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/drafts/{id}/amendments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> propose(long id, Authentication authentication, @Body Map<String, String> form) {
        amendments.propose(CurrentUser.from(authentication), id, form.get("body"), form.get("reason"));
        return Flash.redirect("/assembly/drafts/" + id, "assembly.notice.amendment-proposed");
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/amendments/{id}/vote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> vote(long id, Authentication authentication, @Body Map<String, String> form) {
        long draft = amendments.draftOf(id).orElseThrow(() -> DomainException.notFound("assembly.amendment"));
        String choice = form.getOrDefault("choice", "");
        if (!choice.equals("YES") && !choice.equals("NO")) {
            throw DomainException.invalid("assembly.amendment-choice");
        }
        amendments.vote(CurrentUser.from(authentication), id, choice.equals("YES"));
        return Flash.redirect("/assembly/drafts/" + draft, "assembly.notice.voted");
    }

    @Secured(Role.Names.FACILITATOR)
    @Post("/amendments/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> close(long id, Authentication authentication) {
        long draft = amendments.draftOf(id).orElseThrow(() -> DomainException.notFound("assembly.amendment"));
        var outcome = amendments.close(CurrentUser.from(authentication), id);
        return Flash.redirect("/assembly/drafts/" + draft, "assembly.notice.amendment-" + outcome.name().toLowerCase());
    }
}
