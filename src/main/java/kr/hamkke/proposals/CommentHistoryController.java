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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;

import java.util.Map;

/** Editing a comment, its earlier versions, and the moderator's masking of personal data in it. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class CommentHistoryController {

    private final CommentRevisions revisions;
    private final CommentService comments;
    private final Views pages;

    CommentHistoryController(CommentRevisions revisions, CommentService comments, Views pages) {
        this.revisions = revisions;
        this.comments = comments;
        this.pages = pages;
    }

    @Post("/comments/{id}/edit")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> edit(Authentication auth, @PathVariable long id, @Body CommentForms.Post form) {
        revisions.edit(CurrentUser.from(auth).accountId(), id, form.body());
        return Flash.redirect(CommentService.link(comments.find(id)), "comments.notice.edited");
    }

    @Get("/comments/{id}/history")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> history(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id) {
        CurrentUser user = auth == null ? null : CurrentUser.from(auth);
        boolean moderator = user != null && user.has(Role.Names.MODERATOR);
        var versions = revisions.history(user == null ? null : user.accountId(), moderator, id);
        CommentService.Comment c = comments.find(id);
        return pages.ok(request, "proposals/comment-history", Map.of("c", c, "versions", versions, "moderator", moderator,
                "back", CommentService.link(c)));
    }

    @Serdeable
    record MaskForm(@Nullable String text, @Nullable String reason) {
    }

    @Post("/staff/comments/{id}/mask")
    @Secured(Role.Names.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> mask(Authentication auth, @PathVariable long id, @Body MaskForm form) {
        revisions.mask(CurrentUser.from(auth).as(Role.Names.MODERATOR), id, form.text(), form.reason());
        return Flash.redirect("/comments/" + id + "/history", "comments.notice.masked");
    }
}
