package kr.hamkke.proposals;

import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.proposals.rules.ProposalStatus;
import kr.hamkke.shared.Actor;

import java.time.Clock;

/**
 * One call per proposal change: the public timeline entry, the audit entry and the proposer's
 * notification, all in the caller's transaction.
 */
@Singleton
class Timeline {

    private final Db db;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Clock clock;

    Timeline(Db db, AuditLog audit, Notifier notifier, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.notifier = notifier;
        this.clock = clock;
    }

    void record(long proposalId, Actor actor, String kind, ProposalStatus from, ProposalStatus to, String reason,
                String auditAction, String summary) {
        db.update("""
                INSERT INTO proposal_event (proposal_id, occurred_at, kind, from_status, to_status, actor_role, reason)
                VALUES (?,?,?,?,?,?,?)""", proposalId, clock.instant(), kind, from, to, actor.role(), reason);
        audit.record(actor, auditAction, "proposal", proposalId,
                summary + (from != null || to != null ? " status=" + from + "->" + to : ""), reason);
        long author = db.number("SELECT author_id FROM proposal WHERE id = ?", proposalId);
        if (author > 0 && (actor.accountId() == null || actor.accountId() != author)) {
            notifier.tell(author, "proposals.notify." + kind, "/proposals/" + proposalId,
                    db.one("SELECT title FROM proposal WHERE id = ?", rs -> rs.getString(1), proposalId).orElse(""));
        }
    }
}
