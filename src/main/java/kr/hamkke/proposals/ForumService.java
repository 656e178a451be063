package kr.hamkke.proposals;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.VerificationService;
import kr.hamkke.identity.VerifiedIdentity;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.proposals.rules.ProposalRules;
import kr.hamkke.proposals.rules.RuleSet;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** 공론장: opening (threshold, pick or staff topic), positions, closing and the mayor's answer. */
@Singleton
public class ForumService {

    static final Set<String> POSITIONS = Set.of("PRO", "CON", "NEUTRAL");

    private final Db db;
    private final AuditLog audit;
    private final Timeline timeline;
    private final Notifier notifier;
    private final VerificationService verifications;
    private final Grants grants;
    private final ProposalConfig config;
    private final Clock clock;

    ForumService(Db db, AuditLog audit, Timeline timeline, Notifier notifier, VerificationService verifications,
                 Grants grants, ProposalConfig config, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.timeline = timeline;
        this.notifier = notifier;
        this.verifications = verifications;
        this.grants = grants;
        this.config = config;
        this.clock = clock;
    }

    /** Called inside the support or pick transaction; UNIQUE(forum.proposal_id) makes it once only. */
    long openForProposal(Proposal p, Actor actor) {
        RuleSet rules = p.rules();
        Instant now = clock.instant();
        long id;
        try {
            id = db.insert("""
                    INSERT INTO forum (proposal_id, title, background, opens_at, closes_at, status, mayor_threshold,
                      mayor_sla_days, opened_by, created_at) VALUES (?,?,?,?,?,'OPEN',?,?,?,?)""",
                    p.id(), p.title(), p.body(), now, Deadlines.endOfDayAfter(now, rules.forumDays()),
                    rules.mayorThreshold(), rules.mayorSlaDays(), actor.accountId(), now);
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("forums.already-open");
        }
        audit.record(actor, "forum.open", "forum", id, "proposal=" + p.id() + " supports=" + p.supportCount());
        timeline.record(p.id(), actor, "FORUM_OPENED", null, null, null, "proposal.forum.open", "forum=" + id);
        return id;
    }

    /** Staff open a forum on their own topic, with the current rule values. */
    @Transactional
    public long openStaffForum(Actor staff, String title, String background, String proBrief, String conBrief) {
        if (title == null || title.isBlank() || title.strip().length() > 100 || background == null || background.isBlank()
                || background.length() > 10_000) {
            throw DomainException.invalid("forums.invalid");
        }
        RuleSet rules = config.ruleSet();
        Instant now = clock.instant();
        long id = db.insert("""
                INSERT INTO forum (title, background, pro_brief, con_brief, opens_at, closes_at, status, mayor_threshold,
                  mayor_sla_days, opened_by, created_at) VALUES (?,?,?,?,?,?,'OPEN',?,?,?,?)""",
                title.strip(), background.strip(), blank(proBrief), blank(conBrief), now,
                Deadlines.endOfDayAfter(now, rules.forumDays()), rules.mayorThreshold(), rules.mayorSlaDays(), staff.accountId(), now);
        audit.record(staff, "forum.open", "forum", id, "staff topic: " + title.strip());
        return id;
    }

    /** P5: one position per verified person; it may change until close. Returns the participant count. */
    @Transactional
    public int takePosition(long accountId, long forumId, String position) {
        VerifiedIdentity person = verifications.find(accountId)
                .orElseThrow(() -> DomainException.notAllowed("proposals.not-verified"));
        if (!POSITIONS.contains(position)) {
            throw DomainException.invalid("forums.position.invalid");
        }
        Forum f = lock(forumId);
        Instant now = clock.instant();
        if (!"OPEN".equals(f.status()) || now.isBefore(f.opensAt()) || now.isAfter(f.closesAt())) {
            throw DomainException.conflict("forums.closed");
        }
        String previous = db.one("SELECT position FROM forum_position WHERE forum_id = ? AND identity_hash = ? FOR UPDATE",
                rs -> rs.getString(1), forumId, person.identityHash()).orElse(null);
        if (position.equals(previous)) {
            return f.participantCount();
        }
        if (previous == null) {
            try {
                db.insert("INSERT INTO forum_position (forum_id, identity_hash, account_id, position, updated_at) VALUES (?,?,?,?,?)",
                        forumId, person.identityHash(), accountId, position, now);
            } catch (Db.DuplicateRow e) {
                throw DomainException.conflict("forums.position.duplicate");
            }
            db.update("UPDATE forum SET participant_count = participant_count + 1, " + column(position) + " = "
                    + column(position) + " + 1 WHERE id = ?", forumId);
        } else {
            db.update("UPDATE forum_position SET position = ?, updated_at = ? WHERE forum_id = ? AND identity_hash = ?",
                    position, now, forumId, person.identityHash());
            db.update("UPDATE forum SET " + column(previous) + " = " + column(previous) + " - 1, " + column(position)
                    + " = " + column(position) + " + 1 WHERE id = ?", forumId);
        }
        audit.record(Actor.citizen(accountId), "forum.position", "forum", forumId, "changed=" + (previous != null));
        return f.participantCount() + (previous == null ? 1 : 0);
    }

    /** Close forums whose window ended; P6 routes big ones to the mayor. Run by the scheduler. */
    @Transactional
    public int closeDue() {
        List<Long> due = db.list("SELECT id FROM forum WHERE status = 'OPEN' AND closes_at < ?", rs -> rs.getLong(1), clock.instant());
        for (long id : due) {
            Forum f = lock(id);
            Instant now = clock.instant();
            boolean mayor = ProposalRules.needsMayor(f.participantCount(), new RuleSet(1, 1, 1, 1, 1, f.mayorThreshold(), f.mayorSlaDays()));
            Instant mayorDue = mayor ? Deadlines.endOfDayAfter(f.closesAt(), f.mayorSlaDays()) : null;
            db.update("UPDATE forum SET status = ?, closed_at = ?, mayor_due_at = ? WHERE id = ?",
                    mayor ? "AWAITING_MAYOR" : "CLOSED", now, mayorDue, id);
            audit.record(Actor.SYSTEM, "forum.close", "forum", id, "participants=" + f.participantCount() + " mayor=" + mayor);
            if (f.proposalId() != null) {
                if (mayor) {
                    db.update("UPDATE proposal SET pb_candidate = TRUE WHERE id = ?", f.proposalId());
                }
                timeline.record(f.proposalId(), Actor.SYSTEM, mayor ? "FORUM_AWAITING_MAYOR" : "FORUM_CLOSED", null, null,
                        null, "proposal.forum.close", "participants=" + f.participantCount());
            }
        }
        return due.size();
    }

    /** 시장 답변: only a DEPT_REVIEWER of the 시장실 (org unit MAYOR). */
    @Transactional
    public void answerAsMayor(long accountId, long forumId, String body) {
        Forum f = lock(forumId);
        if (!grants.reviewsFor(accountId, "MAYOR")) {
            throw DomainException.notAllowed("forums.mayor.only");
        }
        if (body == null || body.strip().length() < 20 || body.length() > 10_000) {
            throw DomainException.invalid("forums.mayor.body");
        }
        if (!"AWAITING_MAYOR".equals(f.status())) {
            throw DomainException.conflict("forums.mayor.not-awaiting");
        }
        Actor actor = new Actor(accountId, "DEPT_REVIEWER");
        db.insert("INSERT INTO mayor_answer (forum_id, body, responder_id, published_at) VALUES (?,?,?,?)",
                forumId, body.strip(), accountId, clock.instant());
        db.update("UPDATE forum SET status = 'MAYOR_ANSWERED' WHERE id = ?", forumId);
        audit.record(actor, "forum.mayor.answer", "forum", forumId, "answered");
        if (f.proposalId() != null) {
            timeline.record(f.proposalId(), actor, "MAYOR_ANSWERED", null, null, null, "proposal.mayor.answer", "forum=" + forumId);
        } else if (f.openedBy() != null) {
            notifier.tell(f.openedBy(), "proposals.notify.MAYOR_ANSWERED", "/forums/" + forumId, f.title());
        }
    }

    Forum lock(long id) {
        return db.one("SELECT * FROM forum WHERE id = ? FOR UPDATE", Forum::map, id).orElseThrow(() -> DomainException.notFound("forum"));
    }

    private static String column(String position) {
        return switch (position) {
            case "PRO" -> "pro_count";
            case "CON" -> "con_count";
            default -> "neutral_count";
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
