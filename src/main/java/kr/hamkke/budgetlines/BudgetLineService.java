package kr.hamkke.budgetlines;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.budgetlines.figures.Amounts;
import kr.hamkke.identity.Notifications;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Every change to budget lines, links, snapshots and milestones, each audited in its own transaction. */
@Singleton
public class BudgetLineService {

    /** 실국 names as the reports print them (the importer recognises the same forms). */
    static final Pattern BUREAU = Pattern.compile("^[가-힣]{2,12}(국|기획관)$");
    static final Pattern DIVISION = Pattern.compile("^[가-힣]{2,12}(과|담당관)$");
    static final long MAX_WON = 10_000_000_000_000L;

    private final BudgetLineStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final List<FundingSubjects> subjects;
    private final Notifications notifications;

    BudgetLineService(BudgetLineStore store, AuditLog audit, Clock clock, List<FundingSubjects> subjects,
                      Notifications notifications) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.subjects = subjects;
        this.notifications = notifications;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public BudgetLine line(long id) {
        return store.findLine(id).orElseThrow(() -> DomainException.notFound("budget.line-not-found"));
    }

    // ---- lines

    @Transactional
    public BudgetLine create(Actor actor, LineInput in) {
        BudgetLine candidate = validate(0, in, null);
        if (store.findLine(candidate.fiscalYear(), candidate.bureau(), candidate.division(), candidate.programName()).isPresent()) {
            throw DomainException.conflict("budget.line-exists");
        }
        long id = store.insertLine(candidate, actor.accountId(), now());
        audit.record(actor, "budgetline.create", "budget_line", id, candidate.fiscalYear() + " " + candidate.programName()
                + " 예산현액 " + Amounts.formatThousandWon(candidate.budgetCurrentWon()) + "천원");
        return line(id);
    }

    /** A new line for a winner: the line and its first link in one transaction (amount defaults to 예산현액). */
    @Transactional
    public BudgetLine createForWinner(Actor actor, LineInput in, LinkInput link) {
        if (link == null) {
            throw new InvalidInput("subjectKind", "budget.subject-kind");
        }
        BudgetLine line = create(actor, in);
        LinkInput l = link.amountWon() != null ? link : new LinkInput(link.subjectKind(), link.subjectId(),
                link.subjectTitle(), link.outcome(), line.budgetCurrentWon(), link.reasonCode(), link.publicReason(), link.note());
        link(actor, line.id(), l);
        return line;
    }

    @Transactional
    public BudgetLine update(Actor actor, long id, LineInput in) {
        BudgetLine before = store.lockLine(id).orElseThrow(() -> DomainException.notFound("budget.line-not-found"));
        BudgetLine after = validate(id, in, before);
        Optional<BudgetLine> clash = store.findLine(after.fiscalYear(), after.bureau(), after.division(), after.programName());
        if (clash.isPresent() && clash.get().id() != id) {
            throw DomainException.conflict("budget.line-exists");
        }
        long allocated = store.allocatedWon(id);
        if (after.budgetCurrentWon() < allocated) {
            throw new InvalidInput("finalWon", "budget.below-allocated");
        }
        store.updateLine(after, now());
        if (after.status().needsReason() != before.status().needsReason()) {
            moveSubjectTotals(id, !after.status().needsReason());
        }
        StringBuilder summary = new StringBuilder(after.fiscalYear() + " " + after.programName());
        if (before.budgetCurrentWon() != after.budgetCurrentWon()) {
            summary.append(" 예산현액 ").append(Amounts.formatThousandWon(before.budgetCurrentWon())).append(" → ")
                    .append(Amounts.formatThousandWon(after.budgetCurrentWon())).append("천원");
        }
        if (before.status() != after.status()) {
            summary.append(" 상태 ").append(before.status().label()).append(" → ").append(after.status().label());
        }
        audit.record(actor, "budgetline.update", "budget_line", id, summary.toString(),
                after.status().needsReason() ? after.statusReasonCode() + ": " + after.statusReason() : null);
        if (after.status().needsReason() && before.status() != after.status()) {
            for (Funding f : store.fundingOfLine(id)) {
                notifyParticipants(f.subject(), "「" + f.subject().title() + "」의 예산 사업 「" + after.programName() + "」이(가) "
                        + after.status().label() + "되었습니다. 사유: " + after.statusReason());
            }
        }
        return line(id);
    }

    /**
     * A cut or unused line no longer funds its subjects: their totals drop by the line's links, so the same winners can
     * be funded from another line; reopening the line adds them back, within the decided amounts. Subject rows are
     * locked after the line (the caller holds it), the same order as in {@link #link}.
     */
    private void moveSubjectTotals(long lineId, boolean reopen) {
        for (Funding f : store.fundingOfLine(lineId)) {
            SubjectKind kind = f.subject().kind();
            long linked = store.lockSubjectTotal(kind, f.subject().id());
            if (reopen) {
                Long decided = summary(kind, f.subject().id()).map(FundingSubjects.SubjectSummary::decidedWon).orElse(null);
                if (decided != null && linked + f.amountWon() > decided) {
                    throw DomainException.conflict("budget.subject-over-decided");
                }
            }
            store.addToSubjectTotal(kind, f.subject().id(), reopen ? f.amountWon() : -Math.min(linked, f.amountWon()));
        }
    }

    private BudgetLine validate(long id, LineInput in, BudgetLine before) {
        Integer year = in.fiscalYear() != null ? in.fiscalYear() : before == null ? null : before.fiscalYear();
        if (year == null || year < 2000 || year > 2100) {
            throw new InvalidInput("fiscalYear", "budget.fiscal-year");
        }
        String bureau = strip(in.bureau() != null ? in.bureau() : before == null ? null : before.bureau());
        if (bureau == null || !BUREAU.matcher(bureau).matches()) {
            throw new InvalidInput("bureau", "budget.bureau");
        }
        String division = strip(in.division() != null ? in.division() : before == null ? "" : before.division());
        division = division == null ? "" : division;
        if (!division.isEmpty() && !DIVISION.matcher(division).matches()) {
            throw new InvalidInput("division", "budget.division");
        }
        String name = strip(in.programName() != null ? in.programName() : before == null ? null : before.programName());
        if (name == null || name.length() < 2 || name.length() > 200) {
            throw new InvalidInput("programName", "budget.program-name");
        }
        String code = strip(in.programCode() != null ? in.programCode() : before == null ? null : before.programCode());
        if (code != null && code.length() > 40) {
            throw new InvalidInput("programCode", "budget.program-code");
        }
        String kind = in.kind() != null ? in.kind().strip() : before == null ? "PROGRAM" : before.kind();
        if (!kind.equals("PROGRAM") && !kind.equals("BASIC")) {
            throw new InvalidInput("kind", "budget.kind");
        }
        long original = amount("originalWon", in.originalWon(), before == null ? null : before.originalWon(), true);
        long fin = amount("finalWon", in.finalWon(), before == null ? original : before.finalWon(), true);
        long carried = amount("carriedOverWon", in.carriedOverWon(), before == null ? 0L : before.carriedOverWon(), true);
        Long prevOriginal = in.prevOriginalWon() != null ? (Long) amount("prevOriginalWon", in.prevOriginalWon(), null, true)
                : before == null ? null : before.prevOriginalWon();
        Long prevFinal = in.prevFinalWon() != null ? (Long) amount("prevFinalWon", in.prevFinalWon(), null, true)
                : before == null ? null : before.prevFinalWon();
        boolean pb = in.pbTag() != null ? in.pbTag() : before != null && before.pbTag();
        String gu = in.guCode() != null ? strip(in.guCode()) : before == null ? null : before.guCode();
        if (gu != null && !gu.matches("\\d{5}")) {
            throw new InvalidInput("guCode", "budget.gu");
        }
        LineStatus status;
        try {
            status = in.status() != null && !in.status().isBlank() ? LineStatus.valueOf(in.status().strip())
                    : before == null ? LineStatus.REQUESTED : before.status();
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "budget.status");
        }
        String reasonCode = null;
        String reason = null;
        if (status.needsReason()) {
            boolean unchanged = before != null && before.status() == status && in.reasonCode() == null;
            reasonCode = unchanged ? before.statusReasonCode()
                    : PublicReason.parse(in.reasonCode()).map(Enum::name)
                    .orElseThrow(() -> new InvalidInput("reasonCode", "budget.reason-code"));
            reason = unchanged ? before.statusReason() : strip(in.reason());
            if (!PublicReason.longEnough(reason)) {
                throw new InvalidInput("reason", "budget.reason-short");
            }
        }
        boolean published = in.published() != null ? in.published() : before != null && before.published();
        return new BudgetLine(id, year, bureau, division, name, code, kind, original, fin, carried, prevOriginal,
                prevFinal, pb, gu, status, reasonCode, reason, published, before == null ? "manual" : before.source());
    }

    private static long amount(String field, Long typed, Long fallback, boolean required) {
        Long v = typed != null ? typed : fallback;
        if (v == null) {
            if (required) {
                throw new InvalidInput(field, "budget.amount-required");
            }
            return 0;
        }
        if (v < 0 || v > MAX_WON) {
            throw new InvalidInput(field, "budget.amount-range");
        }
        if (v % 1000 != 0) {
            throw new InvalidInput(field, "budget.amount-thousands");
        }
        return v;
    }

    private static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    // ---- links

    /**
     * Attaches a winner to a line. The line row is locked first — before any other read of the transaction, so the
     * consistent reads that follow (the line's allocated sum) see every link committed by earlier lock holders —
     * then the subject's total row; both stay locked until commit, so concurrent links cannot over-allocate.
     */
    @Transactional
    public Funding link(Actor actor, long lineId, LinkInput in) {
        BudgetLine line = store.lockLine(lineId).orElseThrow(() -> DomainException.notFound("budget.line-not-found"));
        FundedRef subject = subject(in);
        FundingOutcome outcome;
        try {
            outcome = in.outcome() == null || in.outcome().isBlank() ? FundingOutcome.FUNDED
                    : FundingOutcome.valueOf(in.outcome().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("outcome", "budget.outcome");
        }
        if (outcome == FundingOutcome.NOT_FUNDED) {
            throw new InvalidInput("outcome", "budget.outcome");
        }
        if (in.amountWon() == null || in.amountWon() <= 0 || in.amountWon() > MAX_WON) {
            throw new InvalidInput("amountWon", "budget.link-amount");
        }
        if (in.amountWon() % 1000 != 0) {
            throw new InvalidInput("amountWon", "budget.amount-thousands");
        }
        String note = requireNote(in.note());
        String reasonCode = null;
        String reason = null;
        if (outcome.needsReason()) {
            reasonCode = PublicReason.parse(in.reasonCode()).map(Enum::name)
                    .orElseThrow(() -> new InvalidInput("reasonCode", "budget.reason-code"));
            reason = strip(in.publicReason());
            if (!PublicReason.longEnough(reason)) {
                throw new InvalidInput("publicReason", "budget.reason-short");
            }
        }
        if (line.status().needsReason()) {
            throw DomainException.conflict("budget.line-closed");
        }
        long allocated = store.allocatedWon(lineId);
        if (allocated + in.amountWon() > line.budgetCurrentWon()) {
            throw DomainException.conflict("budget.over-allocated");
        }
        // the lines together may not give a subject more than the cost citizens decided (when its feature knows it)
        long linked = store.lockSubjectTotal(subject.kind(), subject.id());
        Long decided = summary(subject.kind(), subject.id()).map(FundingSubjects.SubjectSummary::decidedWon).orElse(null);
        if (decided != null && linked + in.amountWon() > decided) {
            throw DomainException.conflict("budget.subject-over-decided");
        }
        store.addToSubjectTotal(subject.kind(), subject.id(), in.amountWon());
        Instant now = now();
        long id = store.insertFunding(lineId, subject, outcome, in.amountWon(), reasonCode, reason, note,
                actor.accountId(), now);
        audit.record(actor, "budgetline.link", "budget_line", lineId, subject.kind() + " " + subject.id() + " 「"
                + subject.title() + "」 " + Amounts.formatThousandWon(in.amountWon()) + "천원 (" + outcome.label() + ")",
                note + (reason == null ? "" : " / " + reasonCode + ": " + reason));
        if (outcome.needsReason()) {
            notifyParticipants(subject, "「" + subject.title() + "」의 예산이 " + outcome.label() + "되었습니다: "
                    + Amounts.formatForCitizens(in.amountWon()) + ". 사유: " + reason);
        }
        return store.fundingOfSubject(subject.kind(), subject.id()).stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow();
    }

    /** Records that a winner gets no money, with its public reason; notifies its participants. */
    @Transactional
    public Funding decideNotFunded(Actor actor, LinkInput in) {
        FundedRef subject = subject(in);
        String note = requireNote(in.note());
        String reasonCode = PublicReason.parse(in.reasonCode()).map(Enum::name)
                .orElseThrow(() -> new InvalidInput("reasonCode", "budget.reason-code"));
        String reason = strip(in.publicReason());
        if (!PublicReason.longEnough(reason)) {
            throw new InvalidInput("publicReason", "budget.reason-short");
        }
        long id = store.insertFunding(null, subject, FundingOutcome.NOT_FUNDED, 0, reasonCode, reason, note,
                actor.accountId(), now());
        audit.record(actor, "budgetline.not-funded", subject.kind().name(), subject.id(), "「" + subject.title() + "」 미반영",
                note + " / " + reasonCode + ": " + reason);
        notifyParticipants(subject, "「" + subject.title() + "」은(는) 예산에 반영되지 않았습니다. 사유: " + reason);
        return store.fundingOfSubject(subject.kind(), subject.id()).stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow();
    }

    private FundedRef subject(LinkInput in) {
        SubjectKind kind = SubjectKind.parse(in.subjectKind())
                .orElseThrow(() -> new InvalidInput("subjectKind", "budget.subject-kind"));
        if (in.subjectId() == null || in.subjectId() <= 0) {
            throw new InvalidInput("subjectId", "budget.subject-id");
        }
        Optional<FundingSubjects.SubjectSummary> known = summary(kind, in.subjectId());
        if (known.isPresent() && !known.get().winner()) {
            // a known subject that citizens did not choose (not adopted, not accepted) cannot get a budget decision
            throw new InvalidInput("subjectId", "budget.subject-not-winner");
        }
        String title = known.map(FundingSubjects.SubjectSummary::title).orElse(strip(in.subjectTitle()));
        if (title == null || title.length() < 2 || title.length() > 300) {
            throw new InvalidInput("subjectTitle", "budget.subject-title");
        }
        return new FundedRef(kind, in.subjectId(), title);
    }

    /** What the owning feature knows about a subject; empty for subjects decided before the platform. */
    public Optional<FundingSubjects.SubjectSummary> summary(SubjectKind kind, long id) {
        return subjects.stream().map(s -> s.find(kind, id)).flatMap(Optional::stream).findFirst();
    }

    /** Amounts already linked per subject ("KIND:id" → 원), shown beside the winners in the picker. */
    @Transactional
    public java.util.Map<String, Long> linkedTotals() {
        return store.subjectTotals();
    }

    /** Winners staff can pick, all kinds, in the order the owning features give them. */
    public List<FundingSubjects.SubjectSummary> candidates() {
        List<FundingSubjects.SubjectSummary> out = new java.util.ArrayList<>();
        for (SubjectKind kind : SubjectKind.values()) {
            for (FundingSubjects s : subjects) {
                out.addAll(s.candidates(kind));
            }
        }
        return out;
    }

    private static String requireNote(String note) {
        String n = strip(note);
        if (n == null || n.length() < 5 || n.length() > 1000) {
            throw new InvalidInput("note", "budget.note");
        }
        return n;
    }

    private void notifyParticipants(FundedRef subject, String message) {
        Set<Long> accounts = new LinkedHashSet<>(store.followers(subject.kind(), subject.id()));
        for (FundingSubjects s : subjects) {
            accounts.addAll(s.participants(subject.kind(), subject.id()));
        }
        String text = message.length() > 500 ? message.substring(0, 499) + "…" : message;
        for (Long account : accounts) {
            notifications.notify(account, text, "/accountability/" + subject.kind().slug() + "/" + subject.id());
        }
    }

    // ---- snapshots

    @Transactional
    public Snapshot recordSnapshot(Actor actor, long lineId, SnapshotInput in) {
        BudgetLine line = store.lockLine(lineId).orElseThrow(() -> DomainException.notFound("budget.line-not-found"));
        LocalDate asOf;
        try {
            asOf = in.asOf() == null ? null : LocalDate.parse(in.asOf().strip());
        } catch (DateTimeParseException e) {
            asOf = null;
        }
        if (asOf == null) {
            throw new InvalidInput("asOf", "budget.as-of");
        }
        if (asOf.getYear() != line.fiscalYear() && !(asOf.getYear() == line.fiscalYear() + 1 && asOf.getMonthValue() <= 2)) {
            throw new InvalidInput("asOf", "budget.as-of-year");
        }
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput("asOf", "budget.as-of-future");
        }
        long committed = amount("committedWon", in.committedWon(), null, true);
        long spent = amount("spentWon", in.spentWon(), null, true);
        if (committed > line.budgetCurrentWon()) {
            throw new InvalidInput("committedWon", "budget.committed-over");
        }
        if (spent > committed) {
            throw new InvalidInput("spentWon", "budget.spent-over");
        }
        Long forecast = in.statedForecastWon() == null ? null : amount("statedForecastWon", in.statedForecastWon(), null, true);
        if (store.snapshotOn(lineId, asOf).isPresent()) {
            throw DomainException.conflict("budget.snapshot-exists");
        }
        long id = store.insertSnapshot(lineId, asOf, committed, spent, forecast, "manual", null, actor.accountId(), now());
        audit.record(actor, "budgetline.snapshot", "budget_line", lineId, line.programName() + " " + asOf
                + " 원인행위 " + Amounts.formatThousandWon(committed) + " 지출 " + Amounts.formatThousandWon(spent) + "천원");
        return store.snapshots(lineId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    // ---- milestones and followers

    @Transactional
    public Milestone addMilestone(Actor actor, SubjectKind kind, long subjectId, String date, String text, boolean completed) {
        LocalDate on;
        try {
            on = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("occurredOn", "budget.milestone-date");
        }
        String t = strip(text);
        if (t == null || t.length() < 2 || t.length() > 500) {
            throw new InvalidInput("text", "budget.milestone-text");
        }
        if (store.fundingOfSubject(kind, subjectId).isEmpty()) {
            throw DomainException.notFound("budget.subject-not-found");
        }
        long id = store.insertMilestone(kind, subjectId, on, t, completed, actor.accountId(), now());
        audit.record(actor, "budgetline.milestone", kind.name(), subjectId, on + " " + t + (completed ? " (완료)" : ""));
        return store.milestones(kind, subjectId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public boolean follow(Actor actor, SubjectKind kind, long subjectId) {
        if (store.fundingOfSubject(kind, subjectId).isEmpty()) {
            throw DomainException.notFound("budget.subject-not-found");
        }
        boolean added = store.follow(kind, subjectId, actor.accountId(), now());
        if (added) {
            audit.record(actor, "budgetline.follow", kind.name(), subjectId, "알림 신청");
        }
        return added;
    }
}
