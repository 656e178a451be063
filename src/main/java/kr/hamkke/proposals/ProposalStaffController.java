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
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.identity.ReferenceData;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;


import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Staff pages: screening, review queue and answers, comment moderation, 우수제안 picks, city questions, forums. */
@Controller("/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProposalStaffController {

    private final ProposalService proposals;
    private final ProposalQueries queries;
    private final ReviewService reviews;
    private final CommentService comments;
    private final ProposalAppealService appeals;
    private final ForumService forums;
    private final CityQuestionService questions;
    private final Grants grants;
    private final ReferenceData reference;
    private final Views pages;

    ProposalStaffController(ProposalService proposals, ProposalQueries queries, ReviewService reviews, CommentService comments,
                            ProposalAppealService appeals, ForumService forums, CityQuestionService questions, Grants grants, ReferenceData reference, Views pages) {
        this.proposals = proposals;
        this.queries = queries;
        this.reviews = reviews;
        this.comments = comments;
        this.appeals = appeals;
        this.forums = forums;
        this.questions = questions;
        this.grants = grants;
        this.reference = reference;
        this.pages = pages;
    }

    @Get("/proposals/screening")
    @Secured(Role.Names.MODERATOR)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> screening(HttpRequest<?> request) {
        return pages.ok(request, "proposals/staff-screening", Map.of("items", queries.screeningQueue()));
    }

    @Post("/proposals/{id}/publish")
    @Secured(Role.Names.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> publish(Authentication auth, @PathVariable long id) {
        proposals.publish(CurrentUser.from(auth).as(Role.Names.MODERATOR), id);
        return Flash.redirect("/staff/proposals/screening", "proposals.notice.published");
    }

    @Serdeable
    record HideForm(@Nullable String reasonCode, @Nullable String reason, @Nullable Long mergeInto) {
    }

    @Post("/proposals/{id}/hide")
    @Secured(Role.Names.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> hide(Authentication auth, @PathVariable long id, @Body HideForm form) {
        proposals.hide(CurrentUser.from(auth).as(Role.Names.MODERATOR), id, form.reasonCode() == null ? "" : form.reasonCode(),
                form.reason(), form.mergeInto());
        return Flash.redirect("/staff/proposals/screening", "proposals.notice.hidden");
    }

    @Get("/proposals/review")
    @Secured({Role.Names.MODERATOR, Role.Names.ADMIN, Role.Names.DEPT_REVIEWER})
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> reviewQueue(HttpRequest<?> request, Authentication auth) {
        CurrentUser user = CurrentUser.from(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("items", reviews.pending(false));
        model.put("orgUnits", reference.orgUnits());
        model.put("canAssign", user.has(Role.Names.MODERATOR) || user.has(Role.Names.ADMIN));
        model.put("myUnits", grants.reviewerOrgUnits(user.accountId()));
        return pages.ok(request, "proposals/staff-review", model);
    }

    @Serdeable
    record AssignForm(@Nullable String orgUnit) {
    }

    @Post("/proposals/{id}/assign")
    @Secured({Role.Names.MODERATOR, Role.Names.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> assign(Authentication auth, @PathVariable long id, @Body AssignForm form) {
        CurrentUser user = CurrentUser.from(auth);
        reviews.assign(user.as(user.has(Role.Names.ADMIN) ? Role.Names.ADMIN : Role.Names.MODERATOR), id,
                form.orgUnit() == null ? "" : form.orgUnit());
        return Flash.redirect("/staff/proposals/review", "proposals.notice.assigned");
    }

    @Get("/proposals/{id}/answer")
    @Secured(Role.Names.DEPT_REVIEWER)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> answerForm(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        ProposalQueries.Detail d = queries.detail(id, null, null);
        if (d.proposal().assignedOrgUnit() == null || !grants.reviewsFor(CurrentUser.from(auth).accountId(), d.proposal().assignedOrgUnit())) {
            throw DomainException.notAllowed("proposals.answer.not-reviewer");
        }
        return pages.ok(request, "proposals/staff-answer", Map.of("d", d, "p", d.proposal(),
                "outcomes", ReviewService.OUTCOMES.stream().sorted().toList()));
    }

    @Serdeable
    record AnswerForm(@Nullable String outcome, @Nullable String body, @Nullable String publish) {
    }

    @Post("/proposals/{id}/answer")
    @Secured(Role.Names.DEPT_REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> answer(Authentication auth, @PathVariable long id, @Body AnswerForm form) {
        boolean publish = "true".equals(form.publish());
        reviews.answer(CurrentUser.from(auth).accountId(), id, form.outcome(), form.body(), publish);
        return publish ? Flash.redirect("/proposals/" + id, "proposals.notice.answer-published")
                : Flash.redirect("/staff/proposals/" + id + "/answer", "proposals.notice.answer-saved");
    }

    @Get("/proposals/moderation")
    @Secured(Role.Names.MODERATOR)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> moderation(HttpRequest<?> request) {
        return pages.ok(request, "proposals/staff-moderation", Map.of("items", comments.queue(), "appeals", comments.pendingAppeals(),
                "proposalAppeals", appeals.pending(), "reasons", CommentService.REPORT_REASONS.stream().sorted().toList()));
    }

    @Post("/comments/{id}/moderate")
    @Secured(Role.Names.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> moderate(Authentication auth, @PathVariable long id, @Body CommentForms.Moderate form) {
        comments.moderate(CurrentUser.from(auth).as(Role.Names.MODERATOR), id, form.action() == null ? "" : form.action(),
                form.reasonCode(), form.note());
        return Flash.redirect("/staff/proposals/moderation", "comments.notice.moderated");
    }

    @Serdeable
    record AppealDecisionForm(@Nullable String decision) {
    }

    @Post("/comments/{id}/appeal-decision")
    @Secured(Role.Names.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> decideAppeal(Authentication auth, @PathVariable long id, @Body AppealDecisionForm form) {
        comments.decideAppeal(CurrentUser.from(auth).as(Role.Names.MODERATOR), id, form.decision() == null ? "" : form.decision());
        return Flash.redirect("/staff/proposals/moderation", "comments.notice.moderated");
    }

    @Serdeable
    record ProposalAppealDecisionForm(@Nullable String decision, @Nullable String reason) {
    }

    @Post("/proposals/{id}/appeal-decision")
    @Secured(Role.Names.MODERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> decideProposalAppeal(Authentication auth, @PathVariable long id, @Body ProposalAppealDecisionForm form) {
        appeals.decide(CurrentUser.from(auth).as(Role.Names.MODERATOR), id, form.decision(), form.reason());
        return Flash.redirect("/staff/proposals/moderation", "proposals.notice.appeal-decided");
    }

    @Get("/proposals/agenda")
    @Secured(Role.Names.AGENDA_GROUP)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> agenda(HttpRequest<?> request) {
        return pages.ok(request, "proposals/staff-agenda", Map.of("items", queries.pickCandidates()));
    }

    @Serdeable
    record PickForm(@Nullable String meetingDate, @Nullable Integer membersPresent, @Nullable String reason) {
    }

    @Post("/proposals/{id}/pick")
    @Secured(Role.Names.AGENDA_GROUP)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> pick(Authentication auth, @PathVariable long id, @Body PickForm form) {
        LocalDate date;
        try {
            date = LocalDate.parse(form.meetingDate() == null ? "" : form.meetingDate());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("proposals.pick.invalid");
        }
        proposals.pick(CurrentUser.from(auth).as(Role.Names.AGENDA_GROUP), id, date,
                form.membersPresent() == null ? 0 : form.membersPresent(), form.reason());
        return Flash.redirect("/proposals/" + id, "proposals.notice.picked");
    }

    @Get("/city-questions")
    @Secured({Role.Names.DEPT_REVIEWER, Role.Names.ADMIN})
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> questionAdmin(HttpRequest<?> request) {
        return pages.ok(request, "proposals/staff-questions", Map.of("questions", questions.all(),
                "orgUnits", reference.orgUnits()));
    }

    @Serdeable
    record QuestionForm(@Nullable String orgUnit, @Nullable String kind, @Nullable String cadence, @Nullable String title,
                        @Nullable String background, @Nullable String options, @Nullable String multiSelect,
                        @Nullable String opensAt, @Nullable String closesAt) {
    }

    @Post("/city-questions")
    @Secured({Role.Names.DEPT_REVIEWER, Role.Names.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> createQuestion(Authentication auth, @Body QuestionForm form) {
        CurrentUser user = CurrentUser.from(auth);
        if (form.title() == null || form.title().isBlank() || form.title().length() > 150 || form.background() == null
                || form.background().isBlank()) {
            throw DomainException.invalid("questions.invalid");
        }
        if (!user.has(Role.Names.ADMIN) && !grants.reviewsFor(user.accountId(), form.orgUnit())) {
            throw DomainException.notAllowed("questions.not-department");
        }
        long id = questions.create(user.as(user.has(Role.Names.ADMIN) ? Role.Names.ADMIN : Role.Names.DEPT_REVIEWER),
                new CityQuestionService.NewQuestion(form.orgUnit(), form.kind(), form.cadence(), form.title(), form.background(),
                        form.options() == null ? java.util.List.of() : Arrays.asList(form.options().split("\\R")),
                        "true".equals(form.multiSelect()), kst(form.opensAt()), kst(form.closesAt())));
        return Flash.redirect("/city-questions/" + id, "questions.notice.created");
    }

    @Serdeable
    record FollowUpForm(@Nullable String followUp) {
    }

    @Post("/city-questions/{id}/follow-up")
    @Secured({Role.Names.DEPT_REVIEWER, Role.Names.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> followUp(Authentication auth, @PathVariable long id, @Body FollowUpForm form) {
        CurrentUser user = CurrentUser.from(auth);
        CityQuestionService.Question q = questions.find(id);
        if (!user.has(Role.Names.ADMIN) && !grants.reviewsFor(user.accountId(), q.orgUnit())) {
            throw DomainException.notAllowed("questions.not-department");
        }
        questions.followUp(user.as(user.has(Role.Names.ADMIN) ? Role.Names.ADMIN : Role.Names.DEPT_REVIEWER), id, form.followUp());
        return Flash.redirect("/city-questions/" + id, "questions.notice.follow-up");
    }

    @Serdeable
    record ForumForm(@Nullable String title, @Nullable String background, @Nullable String proBrief, @Nullable String conBrief) {
    }

    @Post("/forums")
    @Secured({Role.Names.MODERATOR, Role.Names.ADMIN, Role.Names.DEPT_REVIEWER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> openForum(Authentication auth, @Body ForumForm form) {
        CurrentUser user = CurrentUser.from(auth);
        long id = forums.openStaffForum(user.as(user.has(Role.Names.ADMIN) ? Role.Names.ADMIN
                : user.has(Role.Names.MODERATOR) ? Role.Names.MODERATOR : Role.Names.DEPT_REVIEWER),
                form.title(), form.background(), form.proBrief(), form.conBrief());
        return Flash.redirect("/forums/" + id, "forums.notice.opened");
    }

    @Serdeable
    record MayorForm(@Nullable String body) {
    }

    @Post("/forums/{id}/mayor-answer")
    @Secured(Role.Names.DEPT_REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> mayor(Authentication auth, @PathVariable long id, @Body MayorForm form) {
        forums.answerAsMayor(CurrentUser.from(auth).accountId(), id, form.body());
        return Flash.redirect("/forums/" + id, "forums.notice.mayor");
    }

    private static Instant kst(String value) {
        try {
            return LocalDateTime.parse(value == null ? "" : value).atZone(kr.hamkke.proposals.rules.Deadlines.SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("questions.window");
        }
    }
}
