package kr.hamkke.proposals;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.identity.eligibility.ReasonCode;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;


import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 오늘의 공론장, forums (공론장), 서울시가 묻습니다 and comment reports: the public participation pages. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ParticipationController {

    private final ProposalQueries queries;
    private final ForumService forums;
    private final CityQuestionService questions;
    private final CommentService comments;
    private final Viewer viewer;
    private final Views pages;
    private final Clock clock;

    ParticipationController(ProposalQueries queries, ForumService forums, CityQuestionService questions,
                            CommentService comments, Viewer viewer, Views pages, Clock clock) {
        this.queries = queries;
        this.forums = forums;
        this.questions = questions;
        this.comments = comments;
        this.viewer = viewer;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/participate")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> participate(HttpRequest<?> request, @Nullable @QueryValue String sort) {
        boolean latest = "latest".equals(sort);
        return pages.ok(request, "proposals/participate", Map.of("items", queries.openOpportunities(latest),
                "sort", latest ? "latest" : "soonest"));
    }

    @Get("/forums")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> forumList(HttpRequest<?> request) {
        return pages.ok(request, "proposals/forums", Map.of("forums", queries.forums(null)));
    }

    @Get("/forums/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> forum(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id) {
        Forum f = queries.forum(id).orElseThrow(() -> DomainException.notFound("forum"));
        Viewer.Of v = viewer.of(auth);
        boolean open = "OPEN".equals(f.status()) && !clock.instant().isAfter(f.closesAt());
        Map<String, Object> model = new HashMap<>();
        model.put("f", f);
        model.put("open", open);
        model.put("eligibility", viewer.posting(auth, open));
        model.put("myPosition", queries.positionOf(id, v.identityHash()).orElse(null));
        model.put("mayorAnswer", queries.mayorAnswer(id).orElse(null));
        model.put("comments", comments.thread("FORUM", id));
        model.put("myVotes", comments.votesOf(v.identityHash(), "FORUM", id));
        model.put("commentTarget", "/forums/" + id + "/comments");
        model.put("canComment", viewer.posting(auth, true) == ReasonCode.ELIGIBLE);
        model.put("commentEligibility", viewer.posting(auth, true));
        return pages.ok(request, "proposals/forum", model);
    }

    @Serdeable
    record PositionForm(@Nullable String position) {
    }

    @Post("/forums/{id}/position")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> position(Authentication auth, @PathVariable long id, @Body PositionForm form) {
        forums.takePosition(CurrentUser.from(auth).accountId(), id, form.position() == null ? "" : form.position());
        return Flash.redirect("/forums/" + id, "forums.notice.position");
    }

    @Post("/forums/{id}/comments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> forumComment(Authentication auth, @PathVariable long id, @Body CommentForms.Post form) {
        long cid = comments.post(CurrentUser.from(auth).accountId(), "FORUM", id, form.parent(), form.body(), form.position());
        return Flash.redirect("/forums/" + id + "#comment-" + cid, "comments.notice.posted");
    }

    @Get("/city-questions")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> questionList(HttpRequest<?> request) {
        return pages.ok(request, "proposals/questions", Map.of("questions", questions.all(), "now", clock.instant()));
    }

    @Get("/city-questions/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> question(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id) {
        CityQuestionService.Question q = questions.find(id);
        boolean open = q.openAt(clock.instant());
        boolean closed = clock.instant().isAfter(q.closesAt());
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("open", open);
        model.put("closed", closed);
        model.put("results", questions.results(id));
        model.put("showResults", closed || "DEBATE".equals(q.kind()));
        model.put("eligibility", viewer.posting(auth, open));
        model.put("comments", comments.thread("QUESTION", id));
        model.put("myVotes", comments.votesOf(viewer.of(auth).identityHash(), "QUESTION", id));
        model.put("commentTarget", "/city-questions/" + id + "/comments");
        model.put("canComment", viewer.posting(auth, true) == ReasonCode.ELIGIBLE);
        model.put("commentEligibility", viewer.posting(auth, true));
        return pages.ok(request, "proposals/question", model);
    }

    @Serdeable
    record AnswerForm(@Nullable List<Long> option) {
    }

    @Post("/city-questions/{id}/answer")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> answer(Authentication auth, @PathVariable long id, @Body AnswerForm form) {
        questions.answer(CurrentUser.from(auth).accountId(), id, form.option());
        return Flash.redirect("/city-questions/" + id, "questions.notice.answered");
    }

    @Post("/city-questions/{id}/comments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> questionComment(Authentication auth, @PathVariable long id, @Body CommentForms.Post form) {
        long cid = comments.post(CurrentUser.from(auth).accountId(), "QUESTION", id, form.parent(), form.body(), form.position());
        return Flash.redirect("/city-questions/" + id + "#comment-" + cid, "comments.notice.posted");
    }

    @Post("/comments/{id}/delete")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> deleteComment(Authentication auth, @PathVariable long id) {
        comments.delete(CurrentUser.from(auth).accountId(), id);
        return Flash.redirect(CommentService.link(comments.find(id)), "comments.notice.deleted");
    }

    @Serdeable
    record AppealForm(@Nullable String statement) {
    }

    @Post("/comments/{id}/appeal")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> appeal(Authentication auth, @PathVariable long id, @Body AppealForm form) {
        comments.appeal(CurrentUser.from(auth).accountId(), id, form.statement());
        return Flash.redirect(CommentService.link(comments.find(id)), "comments.notice.appealed");
    }

    @Post("/comments/{id}/vote")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> vote(Authentication auth, @PathVariable long id, @Body CommentForms.Vote form) {
        comments.vote(CurrentUser.from(auth).accountId(), id, form.choice());
        return Flash.redirect(CommentService.link(comments.find(id)), "comments.notice.voted");
    }

    @Post("/comments/{id}/report")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> report(Authentication auth, @PathVariable long id, @Body CommentForms.Report form) {
        comments.report(CurrentUser.from(auth).accountId(), id, form.reason() == null ? "" : form.reason(), form.note());
        CommentService.Comment c = comments.find(id);
        return Flash.redirect(CommentService.link(c), "comments.notice.reported");
    }
}
