package kr.hamkke.assembly;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.assembly.sortition.DrawResult;
import kr.hamkke.assembly.sortition.Replacement;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.Role;
import kr.hamkke.identity.RoleService;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Memberships after the draw: acceptance, 사전학습, withdrawal, dismissal and replacement (DOMAIN §6.2). */
@Singleton
public class MembershipService {

    public static final Duration ACCEPT_WITHIN = Duration.ofDays(7);
    private static final String COLUMNS = """
            id, cycle_id, application_id, account_id, code, reserve_rank, status, replaces_id, replaced_by_id, selected_at,
            appointed_at, pre_learning_done_at, ended_at, end_reason, position_code""";

    private final Sql sql;
    private final AuditLog audit;
    private final CycleService cycles;
    private final RoleService roles;
    private final Clock clock;

    MembershipService(Sql sql, AuditLog audit, CycleService cycles, RoleService roles, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.cycles = cycles;
        this.roles = roles;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Membership> ofAccount(long accountId) {
        return sql.list("SELECT " + COLUMNS + " FROM assembly_membership WHERE account_id = ? ORDER BY id DESC", MembershipService::map, accountId);
    }

    @Transactional(readOnly = true)
    public Optional<Membership> of(long cycleId, long accountId) {
        return sql.one("SELECT " + COLUMNS + " FROM assembly_membership WHERE cycle_id = ? AND account_id = ?", MembershipService::map,
                cycleId, accountId);
    }

    @Transactional(readOnly = true)
    public List<Membership> ofCycle(long cycleId) {
        return sql.list("SELECT " + COLUMNS + " FROM assembly_membership WHERE cycle_id = ? ORDER BY reserve_rank IS NOT NULL, reserve_rank, code",
                MembershipService::map, cycleId);
    }

    @Transactional(readOnly = true)
    public int activeCount(long cycleId) {
        return (int) sql.count("SELECT COUNT(*) FROM assembly_membership WHERE cycle_id = ? AND status = 'ACTIVE'", cycleId);
    }

    /** Members (appointed or active) may use members-only spaces. */
    @Transactional(readOnly = true)
    public boolean participates(long cycleId, long accountId) {
        return of(cycleId, accountId).map(Membership::participating).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<Membership> find(long membershipId) {
        return sql.one("SELECT " + COLUMNS + " FROM assembly_membership WHERE id = ?", MembershipService::map, membershipId);
    }

    /** The membership row, locked for the caller's transaction. */
    Membership lockForUpdate(long membershipId) {
        return lock(membershipId);
    }

    /** 사전학습 materials of the cycle this member has not marked done yet. */
    long preLearningLeft(long membershipId, long cycleId) {
        return sql.count("""
                SELECT COUNT(*) FROM assembly_material mat WHERE mat.cycle_id = ? AND NOT EXISTS
                  (SELECT 1 FROM assembly_material_done d WHERE d.material_id = mat.id AND d.membership_id = ?)""", cycleId, membershipId);
    }

    private Membership lock(long membershipId) {
        return sql.one("SELECT " + COLUMNS + " FROM assembly_membership WHERE id = ? FOR UPDATE", MembershipService::map, membershipId)
                .orElseThrow(() -> DomainException.notFound("assembly.membership"));
    }

    private Membership own(long accountId, long membershipId) {
        Membership m = lock(membershipId);
        if (m.accountId() != accountId) {
            throw DomainException.notAllowed("assembly.not-your-membership");
        }
        return m;
    }

    /** SELECTED → APPOINTED (위촉), within 7 days of selection. */
    @Transactional
    public void accept(long accountId, long membershipId) {
        Membership m = own(accountId, membershipId);
        if (m.status() != Membership.Status.SELECTED) {
            throw DomainException.conflict("assembly.membership-status");
        }
        Instant now = clock.instant();
        if (m.selectedAt() != null && now.isAfter(m.selectedAt().plus(ACCEPT_WITHIN))) {
            throw DomainException.conflict("assembly.accept-expired");
        }
        sql.update("UPDATE assembly_membership SET status = 'APPOINTED', appointed_at = ? WHERE id = ?", now, m.id());
        audit.record(Actor.citizen(accountId), "assembly.member.accept", "assembly_membership", m.id(), "code=" + m.code());
        boolean hasRole = roles.grantsOf(accountId).stream()
                .anyMatch(g -> g.role().equals(Role.PANEL_MEMBER.name()) && "CYCLE".equals(g.scopeType()) && g.scopeId().equals(String.valueOf(m.cycleId())));
        if (!hasRole) {
            roles.grant(Actor.SYSTEM, accountId, Role.PANEL_MEMBER, "CYCLE", String.valueOf(m.cycleId()));
        }
    }

    /** SELECTED → DECLINED; the seat goes to a reserve. */
    @Transactional
    public Optional<Membership> decline(long accountId, long membershipId) {
        Membership m = own(accountId, membershipId);
        if (m.status() != Membership.Status.SELECTED) {
            throw DomainException.conflict("assembly.membership-status");
        }
        end(m, Membership.Status.DECLINED, null);
        audit.record(Actor.citizen(accountId), "assembly.member.decline", "assembly_membership", m.id(), "code=" + m.code());
        return replace(Actor.SYSTEM, m);
    }

    /** APPOINTED → ACTIVE once 사전학습 is done (before meeting 1): every material of the cycle marked done. */
    @Transactional
    public void completePreLearning(long accountId, long membershipId) {
        Membership m = own(accountId, membershipId);
        if (m.status() != Membership.Status.APPOINTED) {
            throw DomainException.conflict("assembly.membership-status");
        }
        if (preLearningLeft(m.id(), m.cycleId()) > 0) {
            throw DomainException.conflict("assembly.pre-learning-incomplete");
        }
        sql.update("UPDATE assembly_membership SET status = 'ACTIVE', pre_learning_done_at = ? WHERE id = ?", clock.instant(), m.id());
        audit.record(Actor.citizen(accountId), "assembly.member.pre-learning", "assembly_membership", m.id(), "code=" + m.code());
    }

    @Transactional
    public Optional<Membership> withdraw(long accountId, long membershipId) {
        Membership m = own(accountId, membershipId);
        if (m.status() != Membership.Status.APPOINTED && m.status() != Membership.Status.ACTIVE) {
            throw DomainException.conflict("assembly.membership-status");
        }
        end(m, Membership.Status.WITHDRAWN, null);
        audit.record(Actor.citizen(accountId), "assembly.member.withdraw", "assembly_membership", m.id(), "code=" + m.code());
        return replace(Actor.SYSTEM, m);
    }

    /** Staff dismiss a member with a public reason (at least 20 characters, DOMAIN §8.3). */
    @Transactional
    public Optional<Membership> dismiss(Actor staff, long membershipId, String reason) {
        Membership m = lock(membershipId);
        if (reason == null || reason.strip().length() < 20) {
            throw DomainException.invalid("assembly.reason-too-short");
        }
        if (!m.seated()) {
            throw DomainException.conflict("assembly.membership-status");
        }
        end(m, Membership.Status.DISMISSED, reason.strip());
        audit.record(staff, "assembly.member.dismiss", "assembly_membership", m.id(), "code=" + m.code(), reason.strip());
        return replace(staff, m);
    }

    private void end(Membership m, Membership.Status status, String reason) {
        sql.update("UPDATE assembly_membership SET status = ?, ended_at = ?, end_reason = ? WHERE id = ?", status, clock.instant(), reason, m.id());
    }

    /** Whether a freed seat is still refilled: until topic meeting 2 starts (the cycle enters MEETING_2). */
    public boolean replacementOpen(Cycle c) {
        return c.status().atLeast(Cycle.Status.DRAWN) && !c.status().atLeast(Cycle.Status.MEETING_2);
    }

    /** Fills the freed seat from the reserve list with the engine's rule; empty when closed or nobody qualifies. */
    Optional<Membership> replace(Actor actor, Membership freed) {
        Cycle cycle = cycles.get(freed.cycleId());
        if (!replacementOpen(cycle)) {
            audit.record(actor, "assembly.member.not-replaced", "assembly_membership", freed.id(), "replacement window closed");
            return Optional.empty();
        }
        List<Membership> all = ofCycle(cycle.id());
        Set<String> seated = new HashSet<>();
        Set<String> used = new HashSet<>();
        for (Membership m : all) {
            if (m.seated() && m.id() != freed.id()) {
                seated.add(m.code());
            }
            if (m.reserveRank() != null && m.status() != Membership.Status.RESERVE) {
                used.add(m.code());
            }
        }
        DrawResult draw = cycles.drawResult(cycle);
        Optional<Replacement.Choice> choice = Replacement.pick(draw, seated, freed.code(), used);
        if (choice.isEmpty()) {
            audit.record(actor, "assembly.member.not-replaced", "assembly_membership", freed.id(), "no reserve qualifies");
            return Optional.empty();
        }
        String code = choice.get().reserve().code();
        Membership reserve = all.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
        Instant now = clock.instant();
        sql.update("UPDATE assembly_membership SET status = 'SELECTED', selected_at = ?, replaces_id = ? WHERE id = ?", now, freed.id(), reserve.id());
        sql.update("UPDATE assembly_membership SET replaced_by_id = ? WHERE id = ?", reserve.id(), freed.id());
        sql.update("UPDATE assembly_application SET status = 'SELECTED' WHERE id = ?", reserve.applicationId());
        audit.record(actor, "assembly.member.replace", "assembly_membership", reserve.id(), "code=" + code + " replaces="
                + freed.code() + " reserve_rank=" + choice.get().reserveRank() + " match=" + choice.get().match());
        return Optional.of(lock(reserve.id()));
    }

    static Membership map(ResultSet rs) throws SQLException {
        return new Membership(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                (Integer) rs.getObject(6), Membership.Status.valueOf(rs.getString(7)), (Long) rs.getObject(8), (Long) rs.getObject(9),
                Sql.instant(rs, "selected_at"), Sql.instant(rs, "appointed_at"), Sql.instant(rs, "pre_learning_done_at"),
                Sql.instant(rs, "ended_at"), rs.getString(14), Membership.Position.valueOf(rs.getString(15)));
    }
}
