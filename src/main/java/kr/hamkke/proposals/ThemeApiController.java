package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.shared.web.CurrentUser;

import java.util.List;

/** JSON API of 테마토론; errors are application/problem+json. */
@Controller("/api/themes")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class ThemeApiController {

    private final ThemeService themes;

    ThemeApiController(ThemeService themes) {
        this.themes = themes;
    }

    /** One theme vote; topic counts are null while the vote is open. */
    @Serdeable
    record ThemeView(ThemeService.Theme theme, List<ThemeService.Topic> topics, @Nullable Long forumId) {
    }

    /** Every theme vote, open ones first. */
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<ThemeService.Theme> list() {
        return themes.all();
    }

    /** One theme vote with its topics (counts only after close) and the forum its winner opened. */
    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ThemeView get(@PathVariable long id) {
        ThemeService.Theme t = themes.find(id);
        return new ThemeView(t, themes.topics(t), themes.forumOf(id).orElse(null));
    }

    @Serdeable
    record VoteBody(@Nullable Long topicId) {
    }

    /**
     * Votes for one candidate topic. Verified citizens only, once per person and final. Problems: 403
     * proposals.not-verified, 409 themes.already-voted, 409 themes.closed (outside the window), 422 themes.topic.
     */
    @Post("/{id}/votes")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_JSON)
    MutableHttpResponse<ThemeView> vote(Authentication auth, @PathVariable long id, @Body VoteBody body) {
        themes.vote(CurrentUser.from(auth).accountId(), id, body.topicId());
        return HttpResponse.created(get(id));
    }
}
