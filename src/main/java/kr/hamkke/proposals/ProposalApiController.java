package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import jakarta.validation.Valid;
import kr.hamkke.identity.ReferenceData;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.idempotency.IdempotentRequests;
import kr.hamkke.shared.idempotency.Replies;
import kr.hamkke.shared.web.CurrentUser;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** JSON API of 민주주의 서울; errors are application/problem+json. */
@Controller("/api")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProposalApiController {

    private final ProposalService service;
    private final ProposalQueries queries;
    private final ReviewService reviews;
    private final ForumService forums;
    private final CityQuestionService questions;
    private final AttachmentService attachments;
    private final Viewer viewer;
    private final ReferenceData reference;
    private final java.time.Clock clock;
    private final IdempotentRequests idempotency;

    ProposalApiController(ProposalService service, ProposalQueries queries, ReviewService reviews, ForumService forums,
                          CityQuestionService questions, AttachmentService attachments, Viewer viewer,
                          ReferenceData reference, java.time.Clock clock, IdempotentRequests idempotency) {
        this.idempotency = idempotency;
        this.clock = clock;
        this.service = service;
        this.queries = queries;
        this.reviews = reviews;
        this.forums = forums;
        this.questions = questions;
        this.attachments = attachments;
        this.viewer = viewer;
        this.reference = reference;
    }

    @Serdeable
    record ProposalPage(List<ProposalQueries.Summary> items, long total, int page, int pages) {
    }

    @Get("/proposals")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ProposalPage list(@Nullable @QueryValue String q, @Nullable @QueryValue String status, @Nullable @QueryValue String category,
                      @Nullable @QueryValue String gu, @Nullable @QueryValue String sort, @Nullable @QueryValue Integer page) {
        ProposalQueries.Page p = queries.search(new ProposalQueries.Criteria(q, status, category, gu, sort, page == null ? 1 : page));
        return new ProposalPage(p.items(), p.total(), p.page(), p.pages());
    }

    @Serdeable
    record Created(long id, String status) {
    }

    @Post("/proposals")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_JSON)
    MutableHttpResponse<Created> create(Authentication auth, @Valid @Body ProposalForm form) {
        if (form.guCode() != null && !form.guCode().isBlank() && !reference.isDistrict(form.guCode())) {
            throw DomainException.invalid("proposals.form.gu.invalid");
        }
        long me = CurrentUser.from(auth).accountId();
        long id = service.createDraft(me, form.input());
        if (Boolean.TRUE.equals(form.submit())) {
            service.submit(me, id);
        }
        return HttpResponse.<Created>status(HttpStatus.CREATED).header("Location", "/api/proposals/" + id)
                .body(new Created(id, Boolean.TRUE.equals(form.submit()) ? "SUBMITTED" : "DRAFT"));
    }

    @Serdeable
    record AnswerView(String orgUnit, String orgUnitName, @Nullable String outcome, @Nullable String body, Instant dueAt,
                      @Nullable Instant publishedAt) {
    }

    @Serdeable
    record ProposalView(long id, String code, String title, String body, String category, @Nullable String guCode,
                        String status, String author, int supportCount, @Nullable Integer reviewThreshold,
                        @Nullable Integer forumThreshold, @Nullable Instant publishedAt, @Nullable Instant supportDeadline,
                        @Nullable Instant reviewDueAt, long overdueDays, @Nullable String assignedOrgUnit, boolean pbCandidate,
                        boolean agendaPick, @Nullable String publicReasonCode, @Nullable String publicReason,
                        @Nullable Long forumId, @Nullable AnswerView answer, boolean supportedByMe,
                        List<ProposalQueries.Event> timeline, List<AttachmentService.Attachment> attachments) {
    }

    @Get("/proposals/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ProposalView get(@Nullable Authentication auth, @PathVariable long id) {
        Viewer.Of v = viewer.of(auth);
        ProposalQueries.Detail d = queries.detail(id, v.accountId(), v.identityHash());
        Proposal p = d.proposal();
        ProposalQueries.Answer a = d.answer();
        AnswerView answer = a != null && "PUBLISHED".equals(a.status())
                ? new AnswerView(a.orgUnit(), a.orgUnitName(), a.outcome(), a.body(), a.dueAt(), a.publishedAt()) : null;
        return new ProposalView(p.id(), p.code(), p.title(), p.body(), p.category(), p.guCode(), p.status().name(), d.author(),
                p.supportCount(), p.rules() == null ? null : p.rules().reviewThreshold(),
                p.rules() == null ? null : p.rules().forumThreshold(), p.publishedAt(), p.supportDeadline(), p.reviewDueAt(),
                d.overdueDays(), p.assignedOrgUnit(), p.pbCandidate(), p.agendaPick(), p.publicReasonCode(), p.publicReason(),
                d.forum() == null ? null : d.forum().id(), answer, d.supportedByMe(), d.timeline(), attachments.list(id));
    }

    @Serdeable
    record SupportResult(long proposalId, int supportCount) {
    }

    @Post("/proposals/{id}/support")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<SupportResult> support(Authentication auth, @PathVariable long id,
                                               @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        long me = CurrentUser.from(auth).accountId();
        return Replies.of(idempotency.once(me, idempotencyKey, "POST /api/proposals/" + id + "/support", SupportResult.class, 201,
                () -> new SupportResult(id, service.support(me, id))));
    }

    @Delete("/proposals/{id}/support")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    SupportResult unsupport(Authentication auth, @PathVariable long id) {
        return new SupportResult(id, service.withdrawSupport(CurrentUser.from(auth).accountId(), id));
    }

    @Serdeable
    record AnswerBody(@Nullable String outcome, @Nullable String body, @Nullable Boolean publish) {
    }

    @Post("/proposals/{id}/answer")
    @Secured(Role.Names.DEPT_REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    ProposalView answer(Authentication auth, @PathVariable long id, @Body AnswerBody body) {
        reviews.answer(CurrentUser.from(auth).accountId(), id, body.outcome(), body.body(), Boolean.TRUE.equals(body.publish()));
        return get(auth, id);
    }

    @Serdeable
    record ForumView(long id, @Nullable Long proposalId, String title, String status, Instant opensAt, Instant closesAt,
                     int participantCount, int pro, int con, int neutral, @Nullable Instant mayorDueAt) {
        static ForumView of(Forum f) {
            return new ForumView(f.id(), f.proposalId(), f.title(), f.status(), f.opensAt(), f.closesAt(), f.participantCount(),
                    f.proCount(), f.conCount(), f.neutralCount(), f.mayorDueAt());
        }
    }

    @Get("/forums")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<ForumView> forums(@Nullable @QueryValue String status) {
        return queries.forums(status).stream().map(ForumView::of).toList();
    }

    @Serdeable
    record PositionBody(@Nullable String position) {
    }

    @Post("/forums/{id}/position")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_JSON)
    MutableHttpResponse<ForumView> position(Authentication auth, @PathVariable long id, @Body PositionBody body,
                                            @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        long me = CurrentUser.from(auth).accountId();
        String position = body.position() == null ? "" : body.position();
        return Replies.of(idempotency.once(me, idempotencyKey, "POST /api/forums/" + id + "/position " + position, ForumView.class, 200,
                () -> {
                    forums.takePosition(me, id, position);
                    return ForumView.of(queries.forum(id).orElseThrow());
                }));
    }

    @Serdeable
    record QuestionView(long id, String orgUnit, String kind, String cadence, String title, String background,
                        boolean multiSelect, Instant opensAt, Instant closesAt, int participantCount,
                        @Nullable List<CityQuestionService.Result> results, @Nullable String followUp) {
    }

    @Get("/city-questions")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<QuestionView> questions() {
        return questions.all().stream().map(q -> view(q, false)).toList();
    }

    @Get("/city-questions/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    QuestionView question(@PathVariable long id) {
        return view(questions.find(id), true);
    }

    @Serdeable
    record AnswerChoices(@Nullable List<Long> optionIds) {
    }

    @Post("/city-questions/{id}/answers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_JSON)
    MutableHttpResponse<QuestionView> answerQuestion(Authentication auth, @PathVariable long id, @Body AnswerChoices body) {
        questions.answer(CurrentUser.from(auth).accountId(), id, body.optionIds());
        return HttpResponse.created(view(questions.find(id), true));
    }

    @Serdeable
    record Opportunities(List<ProposalQueries.Opportunity> items) {
    }

    @Get("/participation/open")
    @Secured(SecurityRule.IS_ANONYMOUS)
    Opportunities open(@Nullable @QueryValue String sort) {
        return new Opportunities(queries.openOpportunities("latest".equals(sort)));
    }

    private QuestionView view(CityQuestionService.Question q, boolean withResults) {
        boolean closed = clock.instant().isAfter(q.closesAt());
        List<CityQuestionService.Result> results = withResults && (closed || "DEBATE".equals(q.kind())) ? questions.results(q.id()) : null;
        return new QuestionView(q.id(), q.orgUnit(), q.kind(), q.cadence(), q.title(), q.background(), q.multiSelect(),
                q.opensAt(), q.closesAt(), q.participantCount(), results, q.followUp());
    }
}
