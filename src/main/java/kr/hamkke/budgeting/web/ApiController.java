package kr.hamkke.budgeting.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import kr.hamkke.budgeting.service.BallotService;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.budgeting.service.Models;
import kr.hamkke.budgeting.service.ProjectService;
import kr.hamkke.budgeting.service.TallyService;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;

/** Public JSON API of 시민참여예산. Problem bodies come from the global error handlers. */
@Controller("/api/budgeting")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiController {

    @Serdeable
    record BallotRequest(@Nullable List<String> projectIds) {
    }

    @Serdeable
    record BallotResponse(long ballotId, int version, @Nullable String receiptCode, boolean replayed) {
    }

    @Serdeable
    record ProjectDto(long id, String code, String title, String category, @Nullable String guCode, long costWon, String status) {
    }

    @Serdeable
    record ReceiptDto(String status) {
    }

    @Serdeable
    record ResultLine(long projectId, String code, String title, long costWon, long votes, String score, int rank,
                      boolean funded, String explanation) {
    }

    @Serdeable
    record ResultsDto(long trackId, String method, String weights, String counts, String inputsHash, long envelopeWon,
                      long spentWon, List<ResultLine> lines, List<TallyService.Exclusion> exclusions) {
    }

    private final CycleService cycles;
    private final ProjectService projects;
    private final BallotService ballots;
    private final kr.hamkke.budgeting.service.BallotDesk desk;
    private final TallyService tallies;

    ApiController(CycleService cycles, ProjectService projects, BallotService ballots, TallyService tallies, kr.hamkke.budgeting.service.BallotDesk desk) {
        this.desk = desk;
        this.cycles = cycles;
        this.projects = projects;
        this.ballots = ballots;
        this.tallies = tallies;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/cycles")
    @Produces(MediaType.APPLICATION_JSON)
    List<Models.CycleView> cycles() {
        return cycles.cycles().stream().map(c -> cycles.view(c.id())).toList();
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/tracks/{id}/projects")
    @Produces(MediaType.APPLICATION_JSON)
    List<ProjectDto> projects(@PathVariable long id) {
        cycles.track(id);
        return projects.ofTrack(id).stream().map(p -> new ProjectDto(p.id(), p.code(), p.title(), p.category(), p.guCode(),
                p.costWon(), p.status())).toList();
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/tracks/{id}/ballot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<BallotResponse> ballot(Authentication auth, @PathVariable long id, @Body BallotRequest body,
                                        @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.length() > 100 || idempotencyKey.isBlank())) {
            throw DomainException.invalid("budgeting.idempotency-key");
        }
        CurrentUser user = CurrentUser.from(auth);
        List<String> ids = body.projectIds() == null ? List.of() : body.projectIds();
        BallotService.Receipt r = desk.submitOnline(user.accountId(), user.has("PANEL_MEMBER"), id,
                BudgetingController.picks(ids), idempotencyKey);
        BallotResponse response = new BallotResponse(r.ballotId(), r.version(), r.code(), r.replayed());
        return (r.replayed() ? HttpResponse.ok(response) : HttpResponse.created(response)).header("Cache-Control", "no-store");
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/tracks/{id}/results")
    @Produces(MediaType.APPLICATION_JSON)
    ResultsDto results(@PathVariable long id) {
        TallyService.Result r = tallies.published(id).orElseThrow(() -> DomainException.notFound("budgeting.results-unpublished"));
        return new ResultsDto(id, r.method(), r.weights(), r.counts(), r.inputsHash(), r.envelopeWon(), r.spentWon(),
                r.lines().stream().map(l -> new ResultLine(l.projectId(), l.code(), l.title(), l.costWon(), l.votes(), l.scorePercent(),
                        l.rank(), l.funded(), l.explanation())).toList(), r.exclusions());
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/receipts/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    ReceiptDto receipt(@PathVariable String code) {
        return new ReceiptDto(ballots.receipt(code).name());
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
