package kr.hamkke.budgeting.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.hamkke.assembly.sortition.AgeBandSet;
import kr.hamkke.assembly.sortition.Applicant;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.assembly.sortition.DrawResult;
import kr.hamkke.assembly.sortition.InfeasibleQuotasException;
import kr.hamkke.assembly.sortition.Pool;
import kr.hamkke.assembly.sortition.QuotaTable;
import kr.hamkke.assembly.sortition.SortitionEngine;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.Role;
import kr.hamkke.identity.RoleService;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

/**
 * 참여예산위원회 draw (DOMAIN §5.5 B4) with the assembly's sortition engine, used as a library (plain Java):
 * verified citizens apply for a cycle; staff publish SHA-256(secret) first; the draw reveals the secret
 * with a public beacon, seeds the engine exactly as the assembly does (CommitReveal), applies
 * {@link CommitteeQuotas} and grants each drawn person PANEL_MEMBER for the cycle (scope PROCESS
 * "pb:{cycle}", so it never collides with an assembly cycle's CYCLE grant). Anyone can re-run the draw
 * from the published pool file, quota table, secret and beacon.
 */
@Singleton
public class CommitteeDraws {

    public record Applicantship(long id, long accountId, String nickname, String code, String guCode, String gender,
                                String ageBand, boolean selected) {
    }

    public record Draw(String commitment, String secret, String beacon, String seedHex, String poolHash, String quotaHash,
                       String quotaCsv, String algorithmVersion, String panelMethod, List<String> selectedCodes) {
        public boolean drawn() {
            return seedHex != null;
        }
    }

    private final Db db;
    private final AuditLog audit;
    private final CycleService cycles;
    private final RoleService roles;
    private final Clock clock;

    CommitteeDraws(Db db, AuditLog audit, CycleService cycles, RoleService roles, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.cycles = cycles;
        this.roles = roles;
        this.clock = clock;
    }

    public static String code(long applicantId) {
        return "C" + applicantId;
    }

    public static String scopeOf(long cycleId) {
        return "pb:" + cycleId;
    }

    /** A verified citizen applies to the committee of a cycle (strata copied now); 409 twice or after the draw. */
    @Transactional
    public void apply(long accountId, long cycleId) {
        cycles.cycle(cycleId);
        if (draw(cycleId).map(Draw::drawn).orElse(false)) {
            throw DomainException.conflict("budgeting.committee.closed");
        }
        record Person(LocalDate birth, String gender, String gu) {
        }
        Person p = db.one("""
                SELECT v.birth_date, v.gender, (SELECT r.gu_code FROM relation r WHERE r.account_id = v.account_id
                  ORDER BY CASE r.kind WHEN 'RESIDENT' THEN 0 ELSE 1 END, r.id LIMIT 1)
                FROM verification v WHERE v.account_id = ?""",
                rs -> new Person(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)), accountId)
                .orElseThrow(() -> DomainException.notAllowed("budgeting.committee.verified"));
        if (p.gu() == null) {
            throw DomainException.invalid("budgeting.committee.relation");
        }
        LocalDate today = cycles.today();
        if (AgeBandSet.ageOn(p.birth(), today) < AgeBandSet.MIN_AGE) {
            throw DomainException.notAllowed("budgeting.committee.age");
        }
        int inserted = db.update("""
                INSERT IGNORE INTO pb_committee_applicant (cycle_id, account_id, gu_code, gender, age_band, applied_at)
                VALUES (?,?,?,?,?,?)""", cycleId, accountId, p.gu(), p.gender(), AgeBandSet.PB_3.bandFor(p.birth(), today), clock.instant());
        if (inserted != 1) {
            throw DomainException.conflict("budgeting.committee.applied");
        }
        audit.record(Actor.citizen(accountId), "pb.committee.apply", "pb_cycle", cycleId, "gu=" + p.gu());
    }

    /** Staff publish the commitment SHA-256(secret) before applications close; once per cycle. */
    @Transactional
    public void commit(Actor staff, long cycleId, String commitment) {
        cycles.cycle(cycleId);
        String c = commitment == null ? "" : commitment.strip().toLowerCase(java.util.Locale.ROOT);
        if (!c.matches("[0-9a-f]{64}")) {
            throw DomainException.invalid("budgeting.committee.commitment");
        }
        if (db.update("INSERT IGNORE INTO pb_committee_draw (cycle_id, commitment, committed_at) VALUES (?,?,?)",
                cycleId, c, clock.instant()) != 1) {
            throw DomainException.conflict("budgeting.committee.committed");
        }
        audit.record(staff, "pb.committee.commit", "pb_cycle", cycleId, "commitment=" + c);
    }

    /** Reveal and draw: the secret must open the commitment; quotas from {@link CommitteeQuotas}. Once per cycle. */
    @Transactional
    public DrawResult draw(Actor staff, long cycleId, String secret, String beacon, int seats, int guMax) {
        cycles.cycle(cycleId);
        // Lock the draw row: two staff pressing "draw" at once cannot both draw.
        Draw d = db.one("SELECT commitment, seed_hex FROM pb_committee_draw WHERE cycle_id = ? FOR UPDATE",
                rs -> new Draw(rs.getString(1), null, null, rs.getString(2), null, null, null, null, null, List.of()), cycleId)
                .orElseThrow(() -> DomainException.conflict("budgeting.committee.no-commitment"));
        if (d.drawn()) {
            throw DomainException.conflict("budgeting.committee.drawn");
        }
        if (secret == null || secret.isEmpty() || secret.length() > 200 || !CommitReveal.verify(secret, d.commitment())) {
            throw DomainException.invalid("budgeting.committee.secret");
        }
        String b = beacon == null ? "" : beacon.strip();
        if (b.isEmpty() || b.length() > 200) {
            throw DomainException.invalid("budgeting.committee.beacon");
        }
        QuotaTable quotas;
        try {
            quotas = CommitteeQuotas.of(seats, guMax);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("budgeting.committee.seats");
        }
        List<Applicantship> applicants = applicants(cycleId);
        List<Applicant> pool = new ArrayList<>();
        for (Applicantship a : applicants) {
            pool.add(new Applicant(a.code(), a.ageBand(), a.gender(), a.guCode()));
        }
        Pool p = new Pool(pool);
        CommitReveal.Seed seed = CommitReveal.deriveSeed(secret, d.commitment(), p.poolHash(), b);
        DrawResult result;
        try {
            result = SortitionEngine.draw(p, quotas, seed);
        } catch (InfeasibleQuotasException e) {
            throw DomainException.conflict("budgeting.committee.infeasible", String.join(" ", e.problems()));
        }
        db.update("""
                UPDATE pb_committee_draw SET secret = ?, beacon = ?, seed_hex = ?, pool_hash = ?, quota_hash = ?, quota_csv = ?,
                  algorithm_version = ?, panel_method = ?, selected_codes = ?, drawn_at = ? WHERE cycle_id = ?""",
                secret, b, result.seedHex(), result.poolHash(), result.quotaHash(), quotas.toCsv(), result.algorithmVersion(),
                result.panelMethod(), String.join(",", result.selectedCodes()), clock.instant(), cycleId);
        List<String> codes = result.selectedCodes();
        for (Applicantship a : applicants) {
            if (codes.contains(a.code())) {
                db.update("UPDATE pb_committee_applicant SET selected = TRUE WHERE id = ?", a.id());
                roles.grant(staff, a.accountId(), Role.PANEL_MEMBER, "PROCESS", scopeOf(cycleId));
            }
        }
        audit.record(staff, "pb.committee.draw", "pb_cycle", cycleId, "seed=" + result.seedHex() + " pool_hash=" + result.poolHash()
                + " quota_hash=" + result.quotaHash() + " method=" + result.panelMethod() + " selected=" + codes.size());
        return result;
    }

    @Transactional(readOnly = true)
    public Optional<Draw> draw(long cycleId) {
        return db.one("""
                SELECT commitment, secret, beacon, seed_hex, pool_hash, quota_hash, quota_csv, algorithm_version, panel_method, selected_codes
                FROM pb_committee_draw WHERE cycle_id = ?""",
                rs -> new Draw(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10) == null || rs.getString(10).isEmpty() ? List.of() : List.of(rs.getString(10).split(","))),
                cycleId);
    }

    @Transactional(readOnly = true)
    public List<Applicantship> applicants(long cycleId) {
        return db.list("""
                SELECT c.id, c.account_id, a.nickname, c.gu_code, c.gender, c.age_band, c.selected FROM pb_committee_applicant c
                JOIN account a ON a.id = c.account_id WHERE c.cycle_id = ? ORDER BY c.id""",
                rs -> new Applicantship(rs.getLong(1), rs.getLong(2), rs.getString(3), code(rs.getLong(1)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)), cycleId);
    }

    /** The published pool file of the cycle's applicants (canonical lines, as the engine hashes it). */
    @Transactional(readOnly = true)
    public String poolFile(long cycleId) {
        List<Applicant> pool = new ArrayList<>();
        for (Applicantship a : applicants(cycleId)) {
            pool.add(new Applicant(a.code(), a.ageBand(), a.gender(), a.guCode()));
        }
        return new Pool(pool).toPoolFile();
    }
}
