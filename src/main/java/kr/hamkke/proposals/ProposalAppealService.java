package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.proposals.rules.ProposalRules;
import kr.hamkke.proposals.rules.ProposalStatus;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * DOMAIN §4.2 "HIDDEN (reason shown; one appeal)": the author of a hidden proposal appeals once with a
 * statement; a moderator other than the one who hid it upholds the hide or restores the proposal to the
 * status it had. Both steps go on the proposal's timeline (audited, the author notified of the decision).
 */
@Singleton
public class ProposalAppealService {

    static final java.util.Set<String> DECISIONS = java.util.Set.of("UPHOLD", "RESTORE");

    private final Db db;
    private final ProposalService proposals;
    private final Timeline timeline;
    private final Clock clock;

    ProposalAppealService(Db db, ProposalService proposals, Timeline timeline, Clock clock) {
        this.db = db;
        this.proposals = proposals;
        this.timeline = timeline;
        this.clock = clock;
    }

    public record Appeal(long proposalId, String statement, Instant createdAt, @Nullable String decision,
                         @Nullable String decisionReason, @Nullable Instant decidedAt) {

        static Appeal map(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Appeal(rs.getLong("proposal_id"), rs.getString("statement"), Db.instant(rs, "created_at"),
                    rs.getString("decision"), rs.getString("decision_reason"), Db.instant(rs, "decided_at"));
        }

        public boolean pending() {
            return decision == null;
        }
    }

    @Transactional
    public void appeal(long accountId, long proposalId, @Nullable String statement) {
        if (statement == null || statement.isBlank() || statement.length() > 2000) {
            throw DomainException.invalid("proposals.appeal.statement");
        }
        Proposal p = proposals.lock(proposalId);
        if (p.authorId() != accountId) {
            throw p.status().isPublic() ? DomainException.notAllowed("proposals.not-author") : DomainException.notFound("proposal");
        }
        if (p.status() != ProposalStatus.HIDDEN) {
            throw DomainException.conflict("proposals.appeal.not-hidden");
        }
        try {
            db.insert("INSERT INTO proposal_appeal (proposal_id, author_id, statement, created_at) VALUES (?,?,?,?)",
                    proposalId, accountId, statement.strip(), clock.instant());
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("proposals.appeal.already");
        }
        // The statement stays between the author and the moderators: the timeline only says an appeal was made.
        timeline.record(proposalId, Actor.citizen(accountId), "APPEALED", null, null, null, "proposal.appeal", "appeal filed");
    }

    @Transactional
    public void decide(Actor moderator, long proposalId, @Nullable String decision, @Nullable String reason) {
        if (decision == null || !DECISIONS.contains(decision) || reason == null || reason.strip().length() < 20 || reason.length() > 1000) {
            throw DomainException.invalid("proposals.appeal.decision");
        }
        Proposal p = proposals.lock(proposalId);
        long appealId = db.number("SELECT id FROM proposal_appeal WHERE proposal_id = ? AND decision IS NULL FOR UPDATE", proposalId);
        if (appealId == 0 || p.status() != ProposalStatus.HIDDEN) {
            throw DomainException.conflict("proposals.appeal.none");
        }
        long hiddenBy = db.number("""
                SELECT moderator_id FROM moderation_action WHERE target_type = 'PROPOSAL' AND target_id = ? AND action = 'HIDE'
                ORDER BY id DESC LIMIT 1""", proposalId);
        if (hiddenBy == moderator.accountId()) {
            throw DomainException.notAllowed("proposals.appeal.same-moderator");
        }
        Instant now = clock.instant();
        if ("UPHOLD".equals(decision)) {
            db.update("UPDATE proposal_appeal SET decided_by = ?, decision = 'UPHOLD', decision_reason = ?, decided_at = ? WHERE id = ?",
                    moderator.accountId(), reason.strip(), now, appealId);
            timeline.record(proposalId, moderator, "APPEAL_UPHELD", ProposalStatus.HIDDEN, ProposalStatus.HIDDEN, reason.strip(),
                    "proposal.appeal.decide", "decision=UPHOLD");
            return;
        }
        ProposalStatus before = statusBeforeHide(proposalId);
        db.update("""
                UPDATE proposal_appeal SET decided_by = ?, decision = 'RESTORE', decision_reason = ?, restored_status = ?, decided_at = ?
                WHERE id = ?""", moderator.accountId(), reason.strip(), before, now, appealId);
        db.update("""
                UPDATE proposal SET status = ?, public_reason_code = NULL, public_reason = NULL, closed_at = NULL, updated_at = ?
                WHERE id = ?""", before, now, proposalId);
        db.update("""
                INSERT INTO moderation_action (target_type, target_id, moderator_id, action, reason_code, note, created_at)
                VALUES ('PROPOSAL',?,?,'RESTORE','APPEAL',?,?)""", proposalId, moderator.accountId(), reason.strip(), now);
        timeline.record(proposalId, moderator, "APPEAL_RESTORED", ProposalStatus.HIDDEN, before, reason.strip(),
                "proposal.appeal.decide", "decision=RESTORE");
    }

    /** The status the hide interrupted, from the public timeline; a proposal hidden at screening goes back to screening. */
    private ProposalStatus statusBeforeHide(long proposalId) {
        String from = db.one("""
                SELECT from_status FROM proposal_event WHERE proposal_id = ? AND to_status = 'HIDDEN' ORDER BY id DESC LIMIT 1""",
                rs -> rs.getString(1), proposalId).orElse(null);
        ProposalStatus status = from == null ? ProposalStatus.SUBMITTED : ProposalStatus.valueOf(from);
        return ProposalRules.restorableAfterAppeal(status) ? status : ProposalStatus.SUBMITTED;
    }

    @Transactional(readOnly = true)
    public Optional<Appeal> of(long proposalId) {
        return db.one("SELECT * FROM proposal_appeal WHERE proposal_id = ?", Appeal::map, proposalId);
    }

    /** Pending appeals with the proposal's title and hide reason, for the moderation queue. */
    public record Pending(long proposalId, String title, String reasonCode, String reason, String statement) {
    }

    @Transactional(readOnly = true)
    public List<Pending> pending() {
        return db.list("""
                SELECT p.id, p.title, p.public_reason_code, p.public_reason, a.statement FROM proposal_appeal a
                JOIN proposal p ON p.id = a.proposal_id WHERE a.decision IS NULL ORDER BY a.id""",
                rs -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }
}
