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
import java.util.HashMap;
import java.util.Map;
import kr.hamkke.budgeting.service.BallotService;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.budgeting.service.Models.Track;
import kr.hamkke.budgeting.service.ProjectService;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.Pages;

/** 현장투표소: a district officer keys a booth ballot after an identity check, issues and enters paper sheets. */
@Controller("/budgeting/booth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.Names.DISTRICT_OFFICER)
class BoothController {

    private final CycleService cycles;
    private final ProjectService projects;
    private final BallotService ballots;
    private final kr.hamkke.budgeting.service.BallotDesk desk;
    private final Pages pages;
    private final io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;

    BoothController(CycleService cycles, ProjectService projects, BallotService ballots, Pages pages,
                    io.micronaut.data.jdbc.runtime.JdbcOperations jdbc, kr.hamkke.budgeting.service.BallotDesk desk) {
        this.desk = desk;
        this.cycles = cycles;
        this.projects = projects;
        this.ballots = ballots;
        this.pages = pages;
        this.jdbc = jdbc;
    }

    /** The 자치구 an officer's DISTRICT_OFFICER grant covers (null = none found). */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    String officerGu(long accountId) {
        return jdbc.prepareStatement("SELECT scope_id FROM role_grant WHERE account_id = ? AND role = 'DISTRICT_OFFICER' AND scope_type = 'GU'", ps -> {
            ps.setLong(1, accountId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Get("/{trackId}")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> screen(HttpRequest<?> request, @PathVariable long trackId) {
        Track track = cycles.track(trackId);
        Map<String, Object> model = new HashMap<>();
        model.put("track", track);
        model.put("projects", projects.ofTrack(trackId).stream().filter(p -> "ON_BALLOT".equals(p.status())).toList());
        model.put("mismatches", ballots.mismatchQueue(trackId));
        return pages.ok(request, "budgeting/booth", model);
    }

    private static LocalDate birth(Map<String, Object> form) {
        try {
            return LocalDate.parse(String.valueOf(form.getOrDefault("birthDate", "")).strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("budgeting.identity-check");
        }
    }

    @Post("/{trackId}/ballot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> ballot(HttpRequest<?> request, Authentication auth, @PathVariable long trackId, @Body Map<String, Object> form) {
        CurrentUser user = CurrentUser.from(auth);
        BallotService.Receipt receipt = desk.submitAtBooth(user.as(Role.Names.DISTRICT_OFFICER), officerGu(user.accountId()),
                String.valueOf(form.getOrDefault("email", "")), birth(form), trackId,
                BudgetingController.picks(BudgetingController.formValues(form, "projectIds")));
        Map<String, Object> model = new HashMap<>();
        model.put("track", cycles.track(trackId));
        model.put("receipt", receipt);
        return pages.ok(request, "budgeting/receipt", model).header("Cache-Control", "no-store");
    }

    @Post("/{trackId}/paper/issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> issue(Authentication auth, @PathVariable long trackId, @Body Map<String, Object> form) {
        CurrentUser user = CurrentUser.from(auth);
        desk.issuePaper(user.as(Role.Names.DISTRICT_OFFICER), officerGu(user.accountId()), String.valueOf(form.getOrDefault("email", "")),
                birth(form), trackId, String.valueOf(form.getOrDefault("serial", "")), String.valueOf(form.getOrDefault("booth", "")));
        return Flash.redirect("/budgeting/booth/" + trackId, "budgeting.notice.paper-issued");
    }

    @Post("/{trackId}/paper/enter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> enter(Authentication auth, @PathVariable long trackId, @Body Map<String, Object> form) {
        CurrentUser user = CurrentUser.from(auth);
        long ballot = ballots.enterPaper(user.as(Role.Names.DISTRICT_OFFICER), officerGu(user.accountId()), trackId,
                String.valueOf(form.getOrDefault("serial", "")),
                BudgetingController.picks(BudgetingController.formValues(form, "projectIds")));
        return Flash.redirect("/budgeting/booth/" + trackId, ballot == 0 ? "budgeting.notice.paper-keyed" : "budgeting.notice.paper-entered");
    }
}
