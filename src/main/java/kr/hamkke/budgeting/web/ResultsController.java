package kr.hamkke.budgeting.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.budgeting.service.BallotService;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.budgeting.service.Models.Track;
import kr.hamkke.budgeting.service.TallyService;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.Locales;
import kr.hamkke.shared.web.Pages;

/**
 * The public results page of a track. Its body (tally table, exclusions, turnout charts) is the same for every visitor
 * of one language and is served from {@link PublishedResultsCache}; the layout around it is rendered per request.
 */
@Controller("/budgeting")
@ExecuteOn(TaskExecutors.BLOCKING)
class ResultsController {

    private final CycleService cycles;
    private final BallotService ballots;
    private final TallyService tallies;
    private final Pages pages;
    private final PublishedResultsCache cache;

    ResultsController(CycleService cycles, BallotService ballots, TallyService tallies, Pages pages, PublishedResultsCache cache) {
        this.cycles = cycles;
        this.ballots = ballots;
        this.tallies = tallies;
        this.pages = pages;
        this.cache = cache;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/tracks/{id}/results")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<String> results(HttpRequest<?> request, @PathVariable long id) {
        Track track = cycles.track(id);
        long tallyId = tallies.publishedTallyId(id).orElseThrow(() -> DomainException.notFound("budgeting.results-unpublished"));
        String langCookie = request.getCookies().findCookie("lang").map(Cookie::getValue).orElse(null);
        String body = PublishedResultsCache.cacheableLanguage(langCookie)
                ? cache.body(new PublishedResultsCache.Key(id, tallyId, Locales.of(request).getLanguage()), () -> body(request, track))
                : body(request, track);
        Map<String, Object> model = new HashMap<>();
        model.put("track", track);
        model.put("resultsBody", body);
        return pages.ok(request, "budgeting/results", model);
    }

    private String body(HttpRequest<?> request, Track track) {
        long id = track.id();
        TallyService.Result result = tallies.published(id).orElseThrow(() -> DomainException.notFound("budgeting.results-unpublished"));
        Map<String, Object> model = new HashMap<>();
        model.put("track", track);
        model.put("cycle", cycles.cycle(track.cycleId()));
        model.put("result", result);
        model.put("envelope", BudgetingController.won(result.envelopeWon()));
        model.put("spent", BudgetingController.won(result.spentWon()));
        model.put("leftover", BudgetingController.won(result.leftoverWon()));
        BallotService.Turnout turnout = ballots.turnout(id);
        model.put("turnoutTotal", turnout.total());
        model.put("charts", List.of(Charts.bars("budgeting.turnout.gu", turnout.byGu()),
                Charts.bars("budgeting.turnout.age", turnout.byAgeBand()),
                Charts.bars("budgeting.turnout.channel", turnout.bySource())));
        Map<String, String> wonOf = new LinkedHashMap<>();
        result.lines().forEach(l -> wonOf.put(Long.toString(l.projectId()), BudgetingController.won(l.costWon())));
        model.put("wonOf", wonOf);
        return pages.fragment(request, "budgeting/results-body", model);
    }
}
