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
import jakarta.validation.Validator;
import kr.hamkke.identity.ReferenceData;
import kr.hamkke.identity.eligibility.ReasonCode;
import kr.hamkke.proposals.rules.ProposalRules;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.shared.web.Flash;
import kr.hamkke.shared.web.FormErrors;


import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** 민주주의 서울 pages: list and search, proposal page with timeline, the proposer's forms, 공감. */
@Controller("/proposals")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProposalController {

    private final ProposalService service;
    private final ProposalQueries queries;
    private final CommentService comments;
    private final ReviewService reviews;
    private final AttachmentService attachments;
    private final ProposalAppealService appeals;
    private final Viewer viewer;
    private final ReferenceData reference;
    private final Validator validator;
    private final Views pages;
    private final Clock clock;

    ProposalController(ProposalService service, ProposalQueries queries, CommentService comments, ReviewService reviews,
                       AttachmentService attachments, ProposalAppealService appeals, Viewer viewer, ReferenceData reference, Validator validator, Views pages, Clock clock) {
        this.service = service;
        this.queries = queries;
        this.comments = comments;
        this.reviews = reviews;
        this.attachments = attachments;
        this.appeals = appeals;
        this.viewer = viewer;
        this.reference = reference;
        this.validator = validator;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String status,
                                @Nullable @QueryValue String category, @Nullable @QueryValue String gu,
                                @Nullable @QueryValue String sort, @Nullable @QueryValue Integer page) {
        ProposalQueries.Criteria c = new ProposalQueries.Criteria(q, status, category, gu, sort, page == null ? 1 : page);
        Map<String, Object> model = new HashMap<>();
        model.put("criteria", c);
        model.put("result", queries.search(c));
        model.put("categories", Arrays.asList(Category.values()));
        model.put("statuses", java.util.List.of("PUBLISHED", "UNDER_REVIEW", "ANSWERED", "CLOSED", "WITHDRAWN", "MERGED"));
        model.put("districts", reference.districts());
        model.put("now", clock.instant());
        return pages.ok(request, "proposals/list", model);
    }

    @Get("/overdue")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> overdue(HttpRequest<?> request) {
        return pages.ok(request, "proposals/overdue", Map.of("items", reviews.pending(true)));
    }

    @Get("/mine")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> mine(HttpRequest<?> request, Authentication auth) {
        return pages.ok(request, "proposals/mine", Map.of("items", queries.mine(CurrentUser.from(auth).accountId())));
    }

    @Get("/new")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> newForm(HttpRequest<?> request, Authentication auth) {
        return pages.ok(request, "proposals/form", formModel(auth, ProposalForm.empty(), new FormErrors(), null));
    }

    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body ProposalForm form) {
        FormErrors errors = validate(form);
        if (!errors.isEmpty()) {
            return pages.invalid(request, "proposals/form", formModel(auth, form, errors, null));
        }
        long id = service.createDraft(CurrentUser.from(auth).accountId(), form.input());
        if (Boolean.TRUE.equals(form.submit())) {
            service.submit(CurrentUser.from(auth).accountId(), id);
            return Flash.redirect("/proposals/" + id, "proposals.notice.submitted");
        }
        return Flash.redirect("/proposals/" + id, "proposals.notice.draft-saved");
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id) {
        Viewer.Of v = viewer.of(auth);
        ProposalQueries.Detail d = queries.detail(id, v.accountId(), v.identityHash());
        Map<String, Object> model = new HashMap<>();
        model.put("d", d);
        model.put("p", d.proposal());
        model.put("attachments", attachments.list(id));
        model.put("appeal", v.accountId() != null && v.accountId() == d.proposal().authorId()
                ? appeals.of(id).orElse(null) : null);
        model.put("comments", comments.thread("PROPOSAL", id));
        model.put("myVotes", comments.votesOf(v.identityHash(), "PROPOSAL", id));
        model.put("commentTarget", "/proposals/" + id + "/comments");
        boolean windowOpen = ProposalRules.windowOpen(d.proposal().facts(), clock.instant());
        ReasonCode eligibility = viewer.posting(auth, windowOpen);
        model.put("eligibility", eligibility);
        model.put("supportVerdict", v.accountId() == null ? null
                : ProposalRules.maySupport(d.proposal().facts(), v.accountId(), clock.instant()));
        model.put("isAuthor", v.accountId() != null && v.accountId() == d.proposal().authorId());
        model.put("editVerdict", v.accountId() == null ? null : ProposalRules.mayEdit(d.proposal().facts(), v.accountId()));
        model.put("withdrawVerdict", v.accountId() == null ? null : ProposalRules.mayWithdraw(d.proposal().facts(), v.accountId()));
        model.put("canComment", viewer.posting(auth, true) == ReasonCode.ELIGIBLE);
        model.put("commentEligibility", viewer.posting(auth, true));
        return pages.ok(request, "proposals/detail", model);
    }

    @Get("/{id}/edit")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> editForm(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        long me = CurrentUser.from(auth).accountId();
        Proposal p = queries.detail(id, me, null).proposal();
        if (p.authorId() != me) {
            throw DomainException.notAllowed("proposals.not-author");
        }
        ProposalRules.Verdict v = ProposalRules.mayEdit(p.facts(), me);
        if (v != ProposalRules.Verdict.OK) {
            throw DomainException.conflict("proposals.edit." + v.name());
        }
        return pages.ok(request, "proposals/form", formModel(auth,
                new ProposalForm(p.title(), p.body(), p.category(), p.guCode() == null ? "" : p.guCode(), false), new FormErrors(), id));
    }

    @Post("/{id}/edit")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> edit(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body ProposalForm form) {
        FormErrors errors = validate(form);
        if (!errors.isEmpty()) {
            return pages.invalid(request, "proposals/form", formModel(auth, form, errors, id));
        }
        service.update(CurrentUser.from(auth).accountId(), id, form.input());
        return Flash.redirect("/proposals/" + id, "proposals.notice.saved");
    }

    @Post("/{id}/submit")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> submit(Authentication auth, @PathVariable long id) {
        service.submit(CurrentUser.from(auth).accountId(), id);
        return Flash.redirect("/proposals/" + id, "proposals.notice.submitted");
    }

    @Serdeable
    record ReasonForm(@Nullable String reason) {
    }

    @Post("/{id}/withdraw")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> withdraw(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body ReasonForm form) {
        if (form.reason() == null || form.reason().isBlank() || form.reason().length() > 1000) {
            throw DomainException.invalid("proposals.withdraw.reason");
        }
        service.withdraw(CurrentUser.from(auth).accountId(), id, form.reason());
        return Flash.redirect("/proposals/" + id, "proposals.notice.withdrawn");
    }

    @Serdeable
    record AppealForm(@Nullable String statement) {
    }

    @Post("/{id}/appeal")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> appeal(Authentication auth, @PathVariable long id, @Body AppealForm form) {
        appeals.appeal(CurrentUser.from(auth).accountId(), id, form.statement());
        return Flash.redirect("/proposals/" + id, "proposals.notice.appealed");
    }

    @Post("/{id}/support")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> support(Authentication auth, @PathVariable long id) {
        service.support(CurrentUser.from(auth).accountId(), id);
        return Flash.redirect("/proposals/" + id, "proposals.notice.supported");
    }

    @Post("/{id}/unsupport")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> unsupport(Authentication auth, @PathVariable long id) {
        service.withdrawSupport(CurrentUser.from(auth).accountId(), id);
        return Flash.redirect("/proposals/" + id, "proposals.notice.unsupported");
    }

    @Post("/{id}/comments")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> comment(Authentication auth, @PathVariable long id, @Body CommentForms.Post form) {
        long cid = comments.post(CurrentUser.from(auth).accountId(), "PROPOSAL", id, form.parent(), form.body(), form.position());
        return Flash.redirect("/proposals/" + id + "#comment-" + cid, "comments.notice.posted");
    }

    private FormErrors validate(ProposalForm form) {
        FormErrors errors = FormErrors.of(validator.validate(form), ProposalForm.FIELDS);
        if (!errors.has("guCode") && form.guCode() != null && !form.guCode().isBlank() && !reference.isDistrict(form.guCode())) {
            errors.add("guCode", "proposals.form.gu.invalid");
        }
        return errors;
    }

    private Map<String, Object> formModel(Authentication auth, ProposalForm form, FormErrors errors, Long id) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("proposalId", id);
        model.put("categories", Arrays.asList(Category.values()));
        model.put("districts", reference.districts());
        model.put("eligibility", viewer.posting(auth, true));
        return model;
    }
}
