package kr.hamkke.assembly;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Collaborative drafts: a member proposes an amendment (a full new text) to a table's draft, the members vote
 * 찬성/반대, and the table's facilitator closes the vote. Accepted (찬성 > 반대, at least one vote) replaces the draft
 * text as a new revision; every revision is kept. An amendment written against an older revision is STALE when
 * closed, so an accepted amendment never silently overwrites another one. Drafts are frozen once the plenary opens.
 */
@Singleton
public class AmendmentService {

    public enum Status { OPEN, ACCEPTED, REJECTED, STALE }

    public record Amendment(long id, long draftId, long membershipId, String proposerCode, int baseRevision, String newBody,
                            String reason, Status status, int yes, int no, Instant createdAt, Instant decidedAt) {
    }

    public record Revision(int revision, String body, Long amendmentId, Instant createdAt) {
    }

    public record DraftView(DeliberationService.Draft draft, int revision, long tableId, long cycleId) {
    }

    private static final String AMENDMENT_SQL = """
            SELECT a.id, a.draft_id, a.membership_id, m.code, a.base_revision, a.new_body, a.reason, a.status,
              (SELECT COUNT(*) FROM assembly_amendment_vote v WHERE v.amendment_id = a.id AND v.choice = 'YES'),
              (SELECT COUNT(*) FROM assembly_amendment_vote v WHERE v.amendment_id = a.id AND v.choice = 'NO'),
              a.created_at, a.decided_at
            FROM assembly_amendment a JOIN assembly_membership m ON m.id = a.membership_id""";

    private final Sql sql;
    private final AuditLog audit;
    private final DeliberationService deliberation;
    private final MembershipService members;
    private final CycleService cycles;
    private final Clock clock;

    AmendmentService(Sql sql, AuditLog audit, DeliberationService deliberation, MembershipService members, CycleService cycles, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.deliberation = deliberation;
        this.members = members;
        this.cycles = cycles;
        this.clock = clock;
    }

    private static Amendment amendment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Amendment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getString(7), Status.valueOf(rs.getString(8)), rs.getInt(9), rs.getInt(10), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "decided_at"));
    }

    /** The draft with its table and cycle; members of the cycle and facilitators only (as the table thread). */
    @Transactional(readOnly = true)
    public DraftView requireDraftAccess(CurrentUser user, long draftId) {
        DeliberationService.Draft d = deliberation.findDraft(draftId).orElseThrow(() -> DomainException.notFound("assembly.draft"));
        deliberation.requireThreadAccess(user, d.tableId());
        int revision = sql.one("SELECT revision FROM assembly_draft WHERE id = ?", rs -> rs.getInt(1), draftId).orElse(1);
        return new DraftView(d, revision, d.tableId(), deliberation.cycleIdOfDraft(draftId));
    }

    @Transactional(readOnly = true)
    public List<Amendment> amendments(long draftId) {
        return sql.list(AMENDMENT_SQL + " WHERE a.draft_id = ? ORDER BY a.id", AmendmentService::amendment, draftId);
    }

    /** Revisions newest first; revision 1 (the forwarded text) is stored when the first amendment is accepted. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(long draftId) {
        return sql.list("SELECT revision, body, amendment_id, created_at FROM assembly_draft_revision WHERE draft_id = ? ORDER BY revision DESC",
                rs -> new Revision(rs.getInt(1), rs.getString(2), (Long) rs.getObject(3), Sql.instant(rs, "created_at")), draftId);
    }

    @Transactional(readOnly = true)
    public java.util.Set<Long> votedBy(long draftId, long accountId) {
        return new java.util.HashSet<>(sql.list("""
                SELECT v.amendment_id FROM assembly_amendment_vote v JOIN assembly_amendment a ON a.id = v.amendment_id
                JOIN assembly_membership m ON m.id = v.membership_id WHERE a.draft_id = ? AND m.account_id = ?""",
                rs -> rs.getLong(1), draftId, accountId));
    }

    /** An appointed or active member of the cycle and, when the table has assigned members, one of them. */
    private Membership requireMember(DraftView v, long accountId) {
        Membership m = members.of(v.cycleId(), accountId).filter(Membership::participating)
                .orElseThrow(() -> DomainException.notAllowed("assembly.amendment-members-only"));
        deliberation.requireOnTable(v.tableId(), m);
        return m;
    }

    private void requireBeforePlenary(long cycleId) {
        if (cycles.get(cycleId).status().atLeast(Cycle.Status.PLENARY)) {
            throw DomainException.conflict("assembly.drafts-frozen");
        }
    }

    @Transactional
    public long propose(CurrentUser user, long draftId, String newBody, String reason) {
        DraftView v = requireDraftAccess(user, draftId);
        Membership m = requireMember(v, user.accountId());
        requireBeforePlenary(v.cycleId());
        if (newBody == null || newBody.isBlank() || newBody.strip().length() > 4000) {
            throw DomainException.invalid("assembly.amendment-body");
        }
        if (newBody.strip().equals(v.draft().body())) {
            throw DomainException.invalid("assembly.amendment-unchanged");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw DomainException.invalid("assembly.amendment-reason");
        }
        long id = sql.insert("""
                INSERT INTO assembly_amendment (draft_id, membership_id, base_revision, new_body, reason, status, created_at)
                VALUES (?,?,?,?,?,'OPEN',?)""", draftId, m.id(), v.revision(), newBody.strip(), reason.strip(), clock.instant());
        audit.record(user.asCitizen(), "assembly.amendment.propose", "assembly_amendment", id,
                "draft=" + draftId + " base_revision=" + v.revision() + " code=" + m.code());
        return id;
    }

    private Amendment lock(long amendmentId) {
        sql.one("SELECT id FROM assembly_amendment WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), amendmentId)
                .orElseThrow(() -> DomainException.notFound("assembly.amendment"));
        return sql.one(AMENDMENT_SQL + " WHERE a.id = ?", AmendmentService::amendment, amendmentId).orElseThrow();
    }

    /** One vote per member and amendment while it is open (second attempt 409). */
    @Transactional
    public void vote(CurrentUser user, long amendmentId, boolean yes) {
        Amendment a = lock(amendmentId);
        DraftView v = requireDraftAccess(user, a.draftId());
        Membership m = requireMember(v, user.accountId());
        requireBeforePlenary(v.cycleId());
        if (a.status() != Status.OPEN) {
            throw DomainException.conflict("assembly.amendment-closed");
        }
        try {
            sql.update("INSERT INTO assembly_amendment_vote (amendment_id, membership_id, choice, cast_at) VALUES (?,?,?,?)",
                    amendmentId, m.id(), yes ? "YES" : "NO", clock.instant());
        } catch (RuntimeException e) {
            if (Sql.isDuplicate(e)) {
                throw DomainException.conflict("assembly.already-voted");
            }
            throw e;
        }
        audit.record(user.asCitizen(), "assembly.amendment.vote", "assembly_amendment", amendmentId, "code=" + m.code());
    }

    /** The table's facilitator closes the vote; an accepted amendment becomes the draft's next revision. */
    @Transactional
    public Status close(CurrentUser user, long amendmentId) {
        Amendment a = lock(amendmentId);
        DraftView v = requireDraftAccess(user, a.draftId());
        DeliberationService.Table table = deliberation.table(v.tableId());
        if (table.facilitatorAccountId() != user.accountId()) {
            throw DomainException.notAllowed("assembly.facilitator-only");
        }
        requireBeforePlenary(v.cycleId());
        if (a.status() != Status.OPEN) {
            throw DomainException.conflict("assembly.amendment-closed");
        }
        // Lock the draft so two amendments accepted at once cannot both claim the same base revision.
        int current = sql.one("SELECT revision FROM assembly_draft WHERE id = ? FOR UPDATE", rs -> rs.getInt(1), a.draftId()).orElseThrow();
        a = countedOnTable(a, v.tableId());
        Status outcome = a.baseRevision() != current ? Status.STALE : a.yes() > a.no() ? Status.ACCEPTED : Status.REJECTED;
        Instant now = clock.instant();
        if (outcome == Status.ACCEPTED) {
            if (sql.count("SELECT COUNT(*) FROM assembly_draft_revision WHERE draft_id = ?", a.draftId()) == 0) {
                sql.update("INSERT INTO assembly_draft_revision (draft_id, revision, body, amendment_id, created_at) VALUES (?,?,?,NULL,?)",
                        a.draftId(), current, v.draft().body(), v.draft().forwardedAt());
            }
            sql.update("INSERT INTO assembly_draft_revision (draft_id, revision, body, amendment_id, created_at) VALUES (?,?,?,?,?)",
                    a.draftId(), current + 1, a.newBody(), a.id(), now);
            sql.update("UPDATE assembly_draft SET body = ?, revision = ? WHERE id = ?", a.newBody(), current + 1, a.draftId());
        }
        sql.update("UPDATE assembly_amendment SET status = ?, yes_votes = ?, no_votes = ?, decided_at = ?, decided_by = ? WHERE id = ?",
                outcome, a.yes(), a.no(), now, user.accountId(), a.id());
        audit.record(user.as(Role.Names.FACILITATOR), "assembly.amendment.close", "assembly_amendment", a.id(),
                "draft=" + a.draftId() + " status=" + outcome + " yes=" + a.yes() + " no=" + a.no()
                        + (outcome == Status.ACCEPTED ? " revision=" + (current + 1) : ""));
        return outcome;
    }

    /**
     * When the table has assigned members, only their votes count: a member moved to another table after voting no
     * longer decides this table's text. Tables without assignments count every vote, as before.
     */
    private Amendment countedOnTable(Amendment a, long tableId) {
        if (!deliberation.hasAssignedMembers(tableId)) {
            return a;
        }
        String sqlCount = """
                SELECT COUNT(*) FROM assembly_amendment_vote v JOIN assembly_table_member t
                  ON t.membership_id = v.membership_id AND t.table_id = ?
                WHERE v.amendment_id = ? AND v.choice = ?""";
        int yes = (int) sql.count(sqlCount, tableId, a.id(), "YES");
        int no = (int) sql.count(sqlCount, tableId, a.id(), "NO");
        return new Amendment(a.id(), a.draftId(), a.membershipId(), a.proposerCode(), a.baseRevision(), a.newBody(), a.reason(),
                a.status(), yes, no, a.createdAt(), a.decidedAt());
    }

    @Transactional(readOnly = true)
    public boolean isFacilitator(long tableId, long accountId) {
        return deliberation.table(tableId).facilitatorAccountId() == accountId;
    }

    @Transactional(readOnly = true)
    public Optional<Long> draftOf(long amendmentId) {
        return sql.one("SELECT draft_id FROM assembly_amendment WHERE id = ?", rs -> rs.getLong(1), amendmentId);
    }
}
