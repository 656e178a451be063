package kr.hamkke.proposals;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.VerificationService;
import kr.hamkke.identity.VerifiedIdentity;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.proposals.rules.ProposalRules;
import kr.hamkke.proposals.rules.ProposalRules.Verdict;
import kr.hamkke.proposals.rules.ProposalStatus;
import kr.hamkke.proposals.rules.RuleSet;
import kr.hamkke.proposals.rules.SearchText;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Proposal use cases: draft, edit, submit, withdraw, screening, and 공감 with its thresholds. */
@Singleton
public class ProposalService {

    /** Hide reasons a moderator may give at screening or later (P9, P11). */
    static final Set<String> HIDE_REASONS = Set.of("ABUSE", "DUPLICATE", "PERSONAL_COMPLAINT", "PRIVACY", "OTHER");

    private final Db db;
    private final Timeline timeline;
    private final AuditLog audit;
    private final VerificationService verifications;
    private final ForumService forums;
    private final ProposalConfig config;
    private final Clock clock;
    private final SearchGrams grams;

    ProposalService(Db db, Timeline timeline, AuditLog audit, VerificationService verifications, ForumService forums,
                    ProposalConfig config, Clock clock, SearchGrams grams) {
        this.grams = grams;
        this.db = db;
        this.timeline = timeline;
        this.audit = audit;
        this.verifications = verifications;
        this.forums = forums;
        this.config = config;
        this.clock = clock;
    }

    record Input(String title, String body, String category, String guCode) {
    }

    @Transactional
    public long createDraft(long accountId, Input in) {
        requireVerified(accountId);
        Instant now = clock.instant();
        long id = db.insert("""
                INSERT INTO proposal (title, body, category, gu_code, author_id, status, search_text, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?)""", in.title().strip(), in.body().strip(), in.category(), blankToNull(in.guCode()),
                accountId, ProposalStatus.DRAFT, SearchText.normalize(in.title() + " " + in.body()), now, now);
        grams.index(id, SearchText.normalize(in.title() + " " + in.body()));
        String code = "P-" + now.atZone(ZoneId.of("Asia/Seoul")).getYear() + "-" + String.format("%06d", id);
        db.update("UPDATE proposal SET code = ? WHERE id = ?", code, id);
        timeline.record(id, Actor.citizen(accountId), "CREATED", null, ProposalStatus.DRAFT, null, "proposal.create", "code=" + code);
        return id;
    }

    @Transactional
    public void update(long accountId, long id, Input in) {
        Proposal p = lock(id);
        requireOwnerVisible(p, accountId);
        Verdict v = ProposalRules.mayEdit(p.facts(), accountId);
        if (v != Verdict.OK) {
            throw DomainException.conflict("proposals.edit." + v.name());
        }
        db.update("""
                UPDATE proposal SET title = ?, body = ?, category = ?, gu_code = ?, search_text = ?, updated_at = ?,
                version = version + 1 WHERE id = ?""", in.title().strip(), in.body().strip(), in.category(),
                blankToNull(in.guCode()), SearchText.normalize(in.title() + " " + in.body()), clock.instant(), id);
        grams.index(id, SearchText.normalize(in.title() + " " + in.body()));
        audit.record(Actor.citizen(accountId), "proposal.edit", "proposal", id, "title=" + in.title().strip());
    }

    @Transactional
    public void submit(long accountId, long id) {
        Proposal p = lock(id);
        requireOwnerVisible(p, accountId);
        transition(p, ProposalStatus.SUBMITTED);
        db.update("UPDATE proposal SET status = 'SUBMITTED', submitted_at = ?, updated_at = ? WHERE id = ?",
                clock.instant(), clock.instant(), id);
        timeline.record(id, Actor.citizen(accountId), "SUBMITTED", p.status(), ProposalStatus.SUBMITTED, null,
                "proposal.submit", "");
    }

    @Transactional
    public void withdraw(long accountId, long id, String reason) {
        Proposal p = lock(id);
        requireOwnerVisible(p, accountId);
        Verdict v = ProposalRules.mayWithdraw(p.facts(), accountId);
        if (v != Verdict.OK) {
            throw DomainException.conflict("proposals.withdraw." + v.name());
        }
        db.update("UPDATE proposal SET status = 'WITHDRAWN', public_reason = ?, closed_at = ?, updated_at = ? WHERE id = ?",
                reason.strip(), clock.instant(), clock.instant(), id);
        timeline.record(id, Actor.citizen(accountId), "WITHDRAWN", p.status(), ProposalStatus.WITHDRAWN, reason.strip(),
                "proposal.withdraw", "");
    }

    /** Screening passed: publish and bind the rule values in force now. */
    @Transactional
    public void publish(Actor moderator, long id) {
        Proposal p = lock(id);
        transition(p, ProposalStatus.PUBLISHED);
        RuleSet rules = config.ruleSet();
        Instant now = clock.instant();
        db.update("""
                UPDATE proposal SET status = 'PUBLISHED', published_at = ?, support_deadline = ?, support_window_days = ?,
                review_threshold = ?, review_sla_days = ?, forum_threshold = ?, forum_days = ?, mayor_threshold = ?,
                mayor_sla_days = ?, updated_at = ? WHERE id = ?""", now,
                Deadlines.endOfDayAfter(now, rules.supportWindowDays()), rules.supportWindowDays(), rules.reviewThreshold(),
                rules.reviewSlaDays(), rules.forumThreshold(), rules.forumDays(), rules.mayorThreshold(), rules.mayorSlaDays(), now, id);
        moderationAction(moderator, "PROPOSAL", id, "PUBLISH", null, null);
        timeline.record(id, moderator, "PUBLISHED", p.status(), ProposalStatus.PUBLISHED, null, "proposal.publish",
                "rules=" + rules);
    }

    /** Hide (abuse, personal complaint, ...) or merge a duplicate; the reason is public (P9). */
    @Transactional
    public void hide(Actor moderator, long id, String reasonCode, String text, Long mergeInto) {
        if (!HIDE_REASONS.contains(reasonCode) || !ProposalRules.publicReasonOk(reasonCode, text)) {
            throw DomainException.invalid("proposals.reason.required");
        }
        Proposal p = lock(id);
        ProposalStatus next = "DUPLICATE".equals(reasonCode) && mergeInto != null ? ProposalStatus.MERGED : ProposalStatus.HIDDEN;
        if (next == ProposalStatus.MERGED) {
            Proposal target = find(mergeInto);
            if (target == null || !target.status().isPublic() || target.id() == id) {
                throw DomainException.invalid("proposals.merge.target");
            }
        }
        transition(p, next);
        db.update("""
                UPDATE proposal SET status = ?, public_reason_code = ?, public_reason = ?, merged_into = ?, closed_at = ?,
                updated_at = ? WHERE id = ?""", next, reasonCode, text.strip(), next == ProposalStatus.MERGED ? mergeInto : null,
                clock.instant(), clock.instant(), id);
        moderationAction(moderator, "PROPOSAL", id, next == ProposalStatus.MERGED ? "MERGE" : "HIDE", reasonCode, text.strip());
        timeline.record(id, moderator, next.name(), p.status(), next, text.strip(), "proposal." + next.name().toLowerCase(),
                "reasonCode=" + reasonCode);
    }

    /** 공감. The proposal row is locked, so the count and each threshold move exactly once. */
    @Transactional
    public int support(long accountId, long id) {
        VerifiedIdentity person = requireVerified(accountId);
        Proposal p = lockPublic(id);
        Verdict v = ProposalRules.maySupport(p.facts(), accountId, clock.instant());
        if (v != Verdict.OK) {
            throw v == Verdict.OWN_PROPOSAL ? DomainException.notAllowed("proposals.support.OWN_PROPOSAL")
                    : DomainException.conflict("proposals.support." + v.name());
        }
        // No "SELECT … FOR UPDATE" on the pair first: the proposal row lock above already serialises every 공감 on
        // this proposal, and when the pair is absent that read took a gap lock on the unique index that spans
        // neighbouring proposals, so two people supporting two different proposals deadlocked on their INSERTs
        // (500s under load, docs/PERFORMANCE.md). UNIQUE(proposal_id, identity_hash) answers the repeat: 409.
        try {
            db.insert("INSERT INTO proposal_support (proposal_id, identity_hash, account_id, created_at) VALUES (?,?,?,?)",
                    id, person.identityHash(), accountId, clock.instant());
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("proposals.support.ALREADY_SUPPORTED");
        }
        db.update("UPDATE proposal SET support_count = support_count + 1 WHERE id = ?", id);
        Proposal after = p.withSupportCount(p.supportCount() + 1);
        audit.record(Actor.citizen(accountId), "proposal.support", "proposal", id, "count=" + after.supportCount());
        applyThresholds(after);
        return after.supportCount();
    }

    @Transactional
    public int withdrawSupport(long accountId, long id) {
        VerifiedIdentity person = requireVerified(accountId);
        Proposal p = lockPublic(id);
        if (ProposalRules.mayWithdrawSupport(p.facts(), clock.instant()) != Verdict.OK) {
            throw DomainException.conflict("proposals.support.WINDOW_CLOSED");
        }
        int removed = db.update("DELETE FROM proposal_support WHERE proposal_id = ? AND identity_hash = ?", id, person.identityHash());
        if (removed == 0) {
            throw DomainException.conflict("proposals.support.NOT_SUPPORTED");
        }
        db.update("UPDATE proposal SET support_count = support_count - 1 WHERE id = ?", id);
        audit.record(Actor.citizen(accountId), "proposal.support.withdraw", "proposal", id, "count=" + (p.supportCount() - 1));
        return p.supportCount() - 1;
    }

    /** 우수제안 (P7): the 의제선정단 picks a proposal below the thresholds; review and a forum open. */
    @Transactional
    public void pick(Actor agenda, long id, java.time.LocalDate meetingDate, int membersPresent, String reason) {
        if (reason == null || reason.strip().length() < 20 || membersPresent < 1 || meetingDate == null) {
            throw DomainException.invalid("proposals.pick.invalid");
        }
        Proposal p = lock(id);
        if (!ProposalRules.mayBePicked(p.status(), p.closedAt(), clock.instant())) {
            throw DomainException.conflict("proposals.pick.not-eligible");
        }
        try {
            db.insert("""
                    INSERT INTO agenda_pick (proposal_id, meeting_date, members_present, reason, decided_by, decided_at)
                    VALUES (?,?,?,?,?,?)""", id, meetingDate, membersPresent, reason.strip(), agenda.accountId(), clock.instant());
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("proposals.pick.already");
        }
        Instant now = clock.instant();
        db.update("""
                UPDATE proposal SET status = 'UNDER_REVIEW', agenda_pick = TRUE, review_triggered_at = COALESCE(review_triggered_at, ?),
                review_due_at = COALESCE(review_due_at, ?), updated_at = ? WHERE id = ?""",
                now, Deadlines.endOfDayAfter(now, p.rules().reviewSlaDays()), now, id);
        timeline.record(id, agenda, "PICKED", p.status(), ProposalStatus.UNDER_REVIEW, reason.strip(), "proposal.pick",
                "meeting=" + meetingDate + " members=" + membersPresent);
        if (!p.forumOpened()) {
            forums.openForProposal(find(id), agenda);
        }
    }

    /** Windows that ended below the review threshold close (P1); run by the scheduler. */
    @Transactional
    public int closeExpired() {
        List<Long> due = db.list("SELECT id FROM proposal WHERE status = 'PUBLISHED' AND support_deadline < ?",
                rs -> rs.getLong(1), clock.instant());
        int closed = 0;
        for (long id : due) {
            Proposal p = lock(id);
            if (ProposalRules.closesUnanswered(p.facts(), clock.instant())) {
                db.update("UPDATE proposal SET status = 'CLOSED', closed_at = ?, updated_at = ? WHERE id = ?",
                        clock.instant(), clock.instant(), id);
                timeline.record(id, Actor.SYSTEM, "CLOSED", p.status(), ProposalStatus.CLOSED, null, "proposal.close",
                        "supports=" + p.supportCount());
                closed++;
            }
        }
        return closed;
    }

    /**
     * Nightly check of the materialised counters against the rows (DOMAIN §8.1). A mismatch is corrected,
     * audited and returned so the caller can alert; thresholds are not re-evaluated.
     */
    @Transactional
    public List<Long> reconcileCounts() {
        List<Long> mismatched = db.list("""
                SELECT p.id FROM proposal p
                WHERE p.support_count <> (SELECT COUNT(*) FROM proposal_support s WHERE s.proposal_id = p.id)""", rs -> rs.getLong(1));
        for (long id : mismatched) {
            Proposal p = lock(id);
            long actual = db.number("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", id);
            db.update("UPDATE proposal SET support_count = ? WHERE id = ?", actual, id);
            audit.record(Actor.SYSTEM, "proposal.reconcile", "proposal", id, "support_count " + p.supportCount() + " -> " + actual);
        }
        return mismatched;
    }

    private void applyThresholds(Proposal p) {
        RuleSet rules = p.rules();
        if (ProposalRules.triggersReview(p.facts(), rules)) {
            Instant now = clock.instant();
            Instant due = Deadlines.endOfDayAfter(now, rules.reviewSlaDays());
            db.update("UPDATE proposal SET status = 'UNDER_REVIEW', review_triggered_at = ?, review_due_at = ?, updated_at = ? WHERE id = ?",
                    now, due, now, p.id());
            timeline.record(p.id(), Actor.SYSTEM, "REVIEW_TRIGGERED", p.status(), ProposalStatus.UNDER_REVIEW,
                    null, "proposal.review.trigger", "supports=" + p.supportCount() + " threshold=" + rules.reviewThreshold());
        }
        if (ProposalRules.opensForum(p.facts(), rules)) {
            forums.openForProposal(find(p.id()), Actor.SYSTEM);
        }
    }

    private void moderationAction(Actor moderator, String type, long id, String action, String reasonCode, String note) {
        db.update("""
                INSERT INTO moderation_action (target_type, target_id, moderator_id, action, reason_code, note, created_at)
                VALUES (?,?,?,?,?,?,?)""", type, id, moderator.accountId(), action, reasonCode, note, clock.instant());
    }

    private VerifiedIdentity requireVerified(long accountId) {
        return verifications.find(accountId).orElseThrow(() -> DomainException.notAllowed("proposals.not-verified"));
    }

    private static void transition(Proposal p, ProposalStatus next) {
        if (!p.status().canTransitionTo(next)) {
            throw DomainException.conflict("proposals.transition");
        }
    }

    /** Other people's drafts do not exist for you (404, not 403: nothing leaks). */
    private static void requireOwnerVisible(Proposal p, long accountId) {
        if (p.authorId() != accountId) {
            if (!p.status().isPublic()) {
                throw DomainException.notFound("proposal");
            }
            throw DomainException.notAllowed("proposals.not-author");
        }
    }

    private Proposal lockPublic(long id) {
        Proposal p = lock(id);
        if (!p.status().isPublic()) {
            throw DomainException.notFound("proposal");
        }
        return p;
    }

    Proposal lock(long id) {
        return db.one("SELECT " + Proposal.COLUMNS + " FROM proposal p WHERE p.id = ? FOR UPDATE", Proposal::map, id)
                .orElseThrow(() -> DomainException.notFound("proposal"));
    }

    Proposal find(long id) {
        return db.one("SELECT " + Proposal.COLUMNS + " FROM proposal p WHERE p.id = ?", Proposal::map, id).orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
