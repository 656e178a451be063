package kr.hamkke.assembly;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends an adopted 정책제안 on: to 민주주의 서울 (an existing proposal it became) or to a 시민참여예산 cycle as a
 * candidate. Only the link is recorded here (once per target) and shown on the public pages; the other feature keeps
 * its own workflow.
 */
@Singleton
public class ProposalLinkService {

    public enum Target { PROPOSALS, BUDGETING }

    public record Link(long id, long proposalId, Target target, long targetId, String targetName, String note, Instant linkedAt) {
        public String href() {
            return target == Target.PROPOSALS ? "/proposals/" + targetId : "/budgeting/cycles/" + targetId;
        }
    }

    private static final String LINK_SQL = """
            SELECT l.id, l.proposal_id, l.target, l.target_id,
              CASE l.target WHEN 'PROPOSALS' THEN (SELECT p.title FROM proposal p WHERE p.id = l.target_id)
                            ELSE (SELECT c.name FROM pb_cycle c WHERE c.id = l.target_id) END,
              l.note, l.linked_at
            FROM assembly_proposal_link l""";

    private final Sql sql;
    private final AuditLog audit;
    private final Clock clock;

    ProposalLinkService(Sql sql, AuditLog audit, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
    }

    private static Link link(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Link(rs.getLong(1), rs.getLong(2), Target.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5), rs.getString(6),
                Sql.instant(rs, "linked_at"));
    }

    @Transactional
    public long send(Actor staff, long proposalId, Target target, long targetId, String note) {
        long cycleId = sql.one("SELECT cycle_id FROM assembly_policy_proposal WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), proposalId)
                .orElseThrow(() -> DomainException.notFound("assembly.proposal"));
        String exists = target == Target.PROPOSALS ? "SELECT COUNT(*) FROM proposal WHERE id = ?" : "SELECT COUNT(*) FROM pb_cycle WHERE id = ?";
        if (sql.count(exists, targetId) == 0) {
            throw DomainException.invalid("assembly.link-target");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            throw DomainException.invalid("assembly.link-note");
        }
        long id;
        try {
            id = sql.insert("""
                    INSERT INTO assembly_proposal_link (proposal_id, target, target_id, note, linked_by, linked_at) VALUES (?,?,?,?,?,?)""",
                    proposalId, target, targetId, text, staff.accountId(), clock.instant());
        } catch (RuntimeException e) {
            if (Sql.isDuplicate(e)) {
                throw DomainException.conflict("assembly.link-exists");
            }
            throw e;
        }
        audit.record(staff, "assembly.proposal.send", "assembly_policy_proposal", proposalId,
                "cycle=" + cycleId + " target=" + target + " target_id=" + targetId);
        return id;
    }

    /** Links per policy proposal id, for the public proposal tables. */
    @Transactional(readOnly = true)
    public Map<Long, List<Link>> byProposal() {
        Map<Long, List<Link>> out = new LinkedHashMap<>();
        for (Link l : sql.list(LINK_SQL + " ORDER BY l.id", ProposalLinkService::link)) {
            out.computeIfAbsent(l.proposalId(), k -> new ArrayList<>()).add(l);
        }
        return out;
    }
}
