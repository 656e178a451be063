package kr.hamkke.proposals;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.proposals.rules.ProposalRules;
import kr.hamkke.proposals.rules.ProposalStatus;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** 부서 검토: staff assign a department; its reviewers save a draft answer and publish it (P2, P3, P9). */
@Singleton
public class ReviewService {

    static final Set<String> OUTCOMES = Set.of("ACCEPTED", "PARTIALLY_ACCEPTED", "NOT_ACCEPTED", "ALREADY_IN_PLACE", "LONG_TERM_REVIEW");

    private final Db db;
    private final AuditLog audit;
    private final Timeline timeline;
    private final Grants grants;
    private final ProposalService proposals;
    private final Clock clock;

    ReviewService(Db db, AuditLog audit, Timeline timeline, Grants grants, ProposalService proposals, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.timeline = timeline;
        this.grants = grants;
        this.proposals = proposals;
        this.clock = clock;
    }

    @Transactional
    public void assign(Actor staff, long proposalId, String orgUnit) {
        if (db.number("SELECT COUNT(*) FROM org_unit WHERE code = ? AND valid_to IS NULL", orgUnit) == 0) {
            throw DomainException.invalid("proposals.review.org-unit");
        }
        Proposal p = proposals.lock(proposalId);
        if (p.status() != ProposalStatus.UNDER_REVIEW) {
            throw DomainException.conflict("proposals.review.not-under-review");
        }
        db.update("UPDATE proposal SET assigned_org_unit = ?, updated_at = ? WHERE id = ?", orgUnit, clock.instant(), proposalId);
        if (db.update("UPDATE department_answer SET org_unit = ? WHERE proposal_id = ? AND status = 'DRAFT'", orgUnit, proposalId) == 0) {
            db.insert("INSERT INTO department_answer (proposal_id, org_unit, due_at, status) VALUES (?,?,?,'DRAFT')",
                    proposalId, orgUnit, p.reviewDueAt());
        }
        String name = db.one("SELECT name_ko FROM org_unit WHERE code = ?", rs -> rs.getString(1), orgUnit).orElse(orgUnit);
        timeline.record(proposalId, staff, "ASSIGNED", null, null, name, "proposal.review.assign", "orgUnit=" + orgUnit);
    }

    /** Saves the answer; publish = true makes it public and moves the proposal to ANSWERED. */
    @Transactional
    public void answer(long accountId, long proposalId, String outcome, String body, boolean publish) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw DomainException.invalid("proposals.answer.outcome");
        }
        if (body == null || body.isBlank() || body.length() > 10_000) {
            throw DomainException.invalid("proposals.answer.body");
        }
        if (publish && "NOT_ACCEPTED".equals(outcome) && !ProposalRules.publicReasonOk(outcome, body)) {
            throw DomainException.invalid("proposals.reason.required");
        }
        Proposal p = proposals.lock(proposalId);
        if (!p.status().isPublic()) {
            throw DomainException.notFound("proposal");
        }
        if (p.assignedOrgUnit() == null || !grants.reviewsFor(accountId, p.assignedOrgUnit())) {
            throw DomainException.notAllowed("proposals.answer.not-reviewer");
        }
        if (p.status() != ProposalStatus.UNDER_REVIEW) {
            throw DomainException.conflict("proposals.review.not-under-review");
        }
        Instant now = clock.instant();
        Actor actor = new Actor(accountId, "DEPT_REVIEWER");
        db.update("""
                UPDATE department_answer SET responder_id = ?, outcome = ?, body = ?, saved_at = ?, status = ?, published_at = ?
                WHERE proposal_id = ?""", accountId, outcome, body.strip(), now, publish ? "PUBLISHED" : "DRAFT",
                publish ? now : null, proposalId);
        if (!publish) {
            audit.record(actor, "proposal.answer.draft", "proposal", proposalId, "outcome=" + outcome);
            return;
        }
        db.update("UPDATE proposal SET status = 'ANSWERED', updated_at = ? WHERE id = ?", now, proposalId);
        long late = Deadlines.overdueDays(p.reviewDueAt(), now, now);
        timeline.record(proposalId, actor, "ANSWERED", p.status(), ProposalStatus.ANSWERED,
                "NOT_ACCEPTED".equals(outcome) ? body.strip() : null, "proposal.answer.publish",
                "outcome=" + outcome + " lateDays=" + late);
    }

    /** A proposal waiting for its department's answer, and how late that answer is (P3). */
    public record Pending(long proposalId, String code, String title, String orgUnit, String orgUnitName,
                          Instant dueAt, long overdueDays, boolean hasDraft) {
    }

    @Transactional(readOnly = true)
    public List<Pending> pending(boolean overdueOnly) {
        Instant now = clock.instant();
        return db.list("""
                SELECT p.id, p.code, p.title, p.assigned_org_unit, o.name_ko, p.review_due_at,
                  (a.saved_at IS NOT NULL) AS has_draft
                FROM proposal p LEFT JOIN org_unit o ON o.code = p.assigned_org_unit
                LEFT JOIN department_answer a ON a.proposal_id = p.id
                WHERE p.status = 'UNDER_REVIEW'""" + (overdueOnly ? " AND p.review_due_at < ?" : "") + """
                 ORDER BY p.review_due_at""", rs -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Db.instant(rs, "review_due_at"), Deadlines.overdueDays(Db.instant(rs, "review_due_at"), null, now),
                rs.getBoolean("has_draft")), overdueOnly ? new Object[]{now} : new Object[0]);
    }
}
