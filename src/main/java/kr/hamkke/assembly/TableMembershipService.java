package kr.hamkke.assembly;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which members sit at which table (small group). Staff or the table's own facilitator set the list; a member sits at
 * one table per meeting. Access rules that use the list live in {@link DeliberationService#requireThreadAccess}.
 */
@Singleton
public class TableMembershipService {

    private final Sql sql;
    private final AuditLog audit;
    private final DeliberationService deliberation;
    private final MembershipService members;
    private final Clock clock;

    TableMembershipService(Sql sql, AuditLog audit, DeliberationService deliberation, MembershipService members, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.deliberation = deliberation;
        this.members = members;
        this.clock = clock;
    }

    /** ADMIN, or the facilitator leading this table (other facilitators 403). */
    @Transactional(readOnly = true)
    public DeliberationService.Table requireAssigner(CurrentUser user, long tableId) {
        DeliberationService.Table t = deliberation.table(tableId);
        if (!user.has(Role.Names.ADMIN) && t.facilitatorAccountId() != user.accountId()) {
            throw DomainException.notAllowed("assembly.facilitator-only");
        }
        return t;
    }

    /** Membership ids assigned to this table. */
    @Transactional(readOnly = true)
    public Set<Long> assigned(long tableId) {
        return new HashSet<>(sql.list("SELECT membership_id FROM assembly_table_member WHERE table_id = ?", rs -> rs.getLong(1), tableId));
    }

    /** For each membership assigned elsewhere in the same meeting, the name of that table. */
    @Transactional(readOnly = true)
    public Map<Long, String> elsewhere(long tableId) {
        DeliberationService.Table t = deliberation.table(tableId);
        Map<Long, String> out = new HashMap<>();
        sql.list("""
                SELECT tm.membership_id, t.name FROM assembly_table_member tm JOIN assembly_table t ON t.id = tm.table_id
                WHERE tm.meeting_id = ? AND tm.table_id <> ?""", rs -> Map.entry(rs.getLong(1), rs.getString(2)), t.meetingId(), tableId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Sets the table's members to exactly {@code membershipIds}: appointed or active members of the table's cycle
     * (422 otherwise), not seated at another table of the same meeting (409). Every addition and removal is audited.
     */
    @Transactional
    public int assign(CurrentUser user, long tableId, List<Long> membershipIds) {
        DeliberationService.Table t = requireAssigner(user, tableId);
        // Lock the table row so two assigners of the same table apply their lists one after the other.
        sql.one("SELECT id FROM assembly_table WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), tableId);
        long cycleId = deliberation.meeting(t.meetingId()).cycleId();
        Map<Long, Membership> eligible = new HashMap<>();
        members.ofCycle(cycleId).stream().filter(Membership::participating).forEach(m -> eligible.put(m.id(), m));
        Set<Long> wanted = new LinkedHashSet<>(membershipIds == null ? List.of() : membershipIds);
        wanted.remove(null);
        for (Long id : wanted) {
            if (!eligible.containsKey(id)) {
                throw DomainException.invalid("assembly.table-member");
            }
        }
        Map<Long, String> taken = elsewhere(tableId);
        for (Long id : wanted) {
            if (taken.containsKey(id)) {
                throw DomainException.conflict("assembly.table-member-elsewhere");
            }
        }
        Set<Long> before = assigned(tableId);
        Actor actor = user.has(Role.Names.ADMIN) ? user.as(Role.Names.ADMIN) : user.as(Role.Names.FACILITATOR);
        int changed = 0;
        for (Long id : before) {
            if (!wanted.contains(id)) {
                sql.update("DELETE FROM assembly_table_member WHERE table_id = ? AND membership_id = ?", tableId, id);
                audit.record(actor, "assembly.table.unassign", "assembly_table", tableId, "code=" + codeOf(id, eligible));
                changed++;
            }
        }
        for (Long id : wanted) {
            if (before.contains(id)) {
                continue;
            }
            try {
                sql.update("INSERT INTO assembly_table_member (table_id, meeting_id, membership_id, assigned_by, assigned_at) VALUES (?,?,?,?,?)",
                        tableId, t.meetingId(), id, user.accountId(), clock.instant());
            } catch (RuntimeException e) {
                if (Sql.isDuplicate(e)) {
                    throw DomainException.conflict("assembly.table-member-elsewhere");
                }
                throw e;
            }
            audit.record(actor, "assembly.table.assign", "assembly_table", tableId, "code=" + eligible.get(id).code());
            changed++;
        }
        return changed;
    }

    private String codeOf(long membershipId, Map<Long, Membership> eligible) {
        Membership m = eligible.get(membershipId);
        return m != null ? m.code() : members.find(membershipId).map(Membership::code).orElse(String.valueOf(membershipId));
    }
}
