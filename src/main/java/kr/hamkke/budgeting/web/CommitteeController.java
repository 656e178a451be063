package kr.hamkke.budgeting.web;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.Map;
import kr.hamkke.budgeting.service.CommitteeDraws;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

/**
 * 참여예산위원회 by sortition: the public page of a cycle's draw (commitment, pool file, result), citizens'
 * applications, and the staff commit and draw.
 */
@Controller("/budgeting")
@ExecuteOn(TaskExecutors.BLOCKING)
class CommitteeController {

    private final CycleService cycles;
    private final CommitteeDraws draws;
    private final Pages pages;

    CommitteeController(CycleService cycles, CommitteeDraws draws, Pages pages) {
        this.cycles = cycles;
        this.draws = draws;
        this.pages = pages;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/cycles/{id}/committee")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> page(HttpRequest<?> request, @PathVariable long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("cycle", cycles.cycle(id));
        model.put("draw", draws.draw(id).orElse(null));
        var applicants = draws.applicants(id);
        model.put("applicantCount", applicants.size());
        boolean staff = CurrentUser.of(request).map(u -> u.has(Role.Names.BUDGET_STAFF)).orElse(false);
        model.put("applicants", staff ? applicants : java.util.List.of());
        model.put("applied", CurrentUser.of(request).map(u -> applicants.stream().anyMatch(a -> a.accountId() == u.accountId())).orElse(false));
        return pages.ok(request, "budgeting/committee", model);
    }

    /** The pool file as the engine hashes it: one line per applicant, public codes only. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/cycles/{id}/committee/pool.txt")
    @Produces({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, MediaType.APPLICATION_OCTET_STREAM}) // browsers ask for text/html
    HttpResponse<String> pool(@PathVariable long id) {
        cycles.cycle(id);
        return HttpResponse.ok(draws.poolFile(id)).contentType("text/plain;charset=utf-8");
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/cycles/{id}/committee/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> apply(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        draws.apply(CurrentUser.from(auth).accountId(), id);
        return Flash.redirect("/budgeting/cycles/" + id + "/committee", "budgeting.notice.committee-applied");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/staff/cycles/{id}/committee/commit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> commit(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        draws.commit(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, form.get("commitment"));
        return Flash.redirect("/budgeting/cycles/" + id + "/committee", "budgeting.notice.committee-committed");
    }

    @Secured(Role.Names.BUDGET_STAFF)
    @Post("/staff/cycles/{id}/committee/draw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> draw(Authentication auth, @PathVariable long id, @Body Map<String, String> form) {
        draws.draw(CurrentUser.from(auth).as(Role.Names.BUDGET_STAFF), id, form.get("secret"), form.get("beacon"),
                number(form.get("seats")), number(form.get("guMax")));
        return Flash.redirect("/budgeting/cycles/" + id + "/committee", "budgeting.notice.committee-drawn");
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("budgeting.committee.seats");
        }
    }
}
