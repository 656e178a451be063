package kr.hamkke.budgeting.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.budgeting.service.Models.Cycle;
import kr.hamkke.budgeting.service.Models.CycleView;
import kr.hamkke.budgeting.service.Models.Phase;
import kr.hamkke.budgeting.service.Models.Track;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

/**
 * Cycles, their dated phases and their tracks. The capability matrix is evaluated against the
 * injected clock (KST dates). Ballot rules, eligibility and the VOTING phase freeze once voting opens.
 */
@Singleton
public class CycleService {

    static final String CYCLE_COLS = "id, name, fiscal_year, template, weight_citizen, weight_committee, weight_school, min_age, relations";
    static final String TRACK_COLS = "id, cycle_id, code, name_ko, name_en, scope, scope_unit, envelope_won, running_org_unit, "
            + "funding_org_unit, ballot_rule, max_picks, rule_param, allocation, source, read_only";

    private final Db db;
    private final AuditLog audit;
    private final Clock clock;

    CycleService(Db db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    static Cycle cycle(ResultSet rs) throws SQLException {
        return new Cycle(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getInt(7), rs.getInt(8), rs.getString(9));
    }

    static Track track(ResultSet rs) throws SQLException {
        return new Track(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12),
                rs.getInt(13), rs.getString(14), rs.getString(15), rs.getBoolean(16));
    }

    static Phase phase(ResultSet rs) throws SQLException {
        return new Phase(rs.getLong(1), rs.getLong(2), PhaseKind.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
    }

    // Lookups that refuse (not found, closed) must not doom a caller's transaction that records the refusal.
    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public List<Cycle> cycles() {
        return db.list("SELECT " + CYCLE_COLS + " FROM pb_cycle ORDER BY fiscal_year DESC, id DESC", CycleService::cycle);
    }

    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public Cycle cycle(long id) {
        return db.one("SELECT " + CYCLE_COLS + " FROM pb_cycle WHERE id = ?", CycleService::cycle, id)
                .orElseThrow(() -> DomainException.notFound("budgeting.cycle"));
    }

    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public List<Phase> phases(long cycleId) {
        return db.list("SELECT id, cycle_id, kind, ordinal, starts_on, ends_on FROM pb_phase WHERE cycle_id = ? ORDER BY ordinal",
                CycleService::phase, cycleId);
    }

    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public List<Track> tracks(long cycleId) {
        return db.list("SELECT " + TRACK_COLS + " FROM pb_track WHERE cycle_id = ? ORDER BY id", CycleService::track, cycleId);
    }

    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public Track track(long id) {
        return db.one("SELECT " + TRACK_COLS + " FROM pb_track WHERE id = ?", CycleService::track, id)
                .orElseThrow(() -> DomainException.notFound("budgeting.track"));
    }

    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public CycleView view(long cycleId) {
        return new CycleView(cycle(cycleId), phases(cycleId), currentPhase(cycleId).orElse(null), tracks(cycleId));
    }

    /** The phase containing today, if any. */
    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public Optional<PhaseKind> currentPhase(long cycleId) {
        LocalDate today = today();
        return phases(cycleId).stream().filter(p -> p.contains(today)).map(Phase::kind).findFirst();
    }

    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public boolean allows(long cycleId, Capability capability) {
        return currentPhase(cycleId).map(k -> k.allows(capability)).orElse(false);
    }

    /** Refuses with PHASE_CLOSED (403) when the current phase does not switch the capability on. */
    public void require(long cycleId, Capability capability) {
        if (!allows(cycleId, capability)) {
            throw DomainException.notAllowed("budgeting.PHASE_CLOSED");
        }
    }

    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public Optional<Phase> phase(long cycleId, PhaseKind kind) {
        return phases(cycleId).stream().filter(p -> p.kind() == kind).findFirst();
    }

    /** True once the VOTING phase has opened: rules, eligibility and weights are then frozen. */
    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public boolean frozen(long cycleId) {
        return phase(cycleId, PhaseKind.VOTING).map(p -> !today().isBefore(p.startsOn())).orElse(false);
    }

    @Transactional(readOnly = true, noRollbackFor = DomainException.class)
    public LocalDate votingCloses(long cycleId) {
        return phase(cycleId, PhaseKind.VOTING).map(Phase::endsOn).orElse(today());
    }

    @Transactional
    public long createCycle(Actor actor, String name, int fiscalYear, String template, Map<PhaseKind, LocalDate[]> phases) {
        long id = db.insert("INSERT INTO pb_cycle (name, fiscal_year, template, created_at) VALUES (?,?,?,?)",
                name, fiscalYear, template, clock.instant());
        for (Map.Entry<PhaseKind, LocalDate[]> e : phases.entrySet()) {
            db.insert("INSERT INTO pb_phase (cycle_id, kind, ordinal, starts_on, ends_on) VALUES (?,?,?,?,?)",
                    id, e.getKey(), e.getKey().ordinal(), e.getValue()[0], e.getValue()[1]);
        }
        audit.record(actor, "pb.cycle.create", "pb_cycle", id, name);
        return id;
    }

    public record TrackSpec(String code, String nameKo, String nameEn, String scope, String scopeUnit, long envelopeWon,
                            String runningOrgUnit, String fundingOrgUnit, String ballotRule, int maxPicks, int ruleParam,
                            String allocation, String source) {
    }

    /** Creates a track; refused (409, and the refusal audited) once the cycle's vote has opened. */
    @Transactional(noRollbackFor = DomainException.class)
    public long createTrack(Actor actor, long cycleId, TrackSpec s, boolean readOnly) {
        if (frozen(cycleId) && !readOnly) {
            audit.record(actor, "pb.cycle.change-refused", "pb_cycle", cycleId, "new track " + s.code() + " after vote opening");
            throw DomainException.conflict("budgeting.frozen");
        }
        if (!readOnly && !TrackRules.problems(s).isEmpty()) {
            throw DomainException.invalid("budgeting.track-invalid");
        }
        if (db.count("SELECT COUNT(*) FROM pb_track WHERE cycle_id = ? AND code = ?", cycleId, s.code()) > 0) {
            throw DomainException.conflict("budgeting.track-code-taken");
        }
        long id = db.insert("""
                INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, scope_unit, envelope_won, running_org_unit,
                  funding_org_unit, ballot_rule, max_picks, rule_param, allocation, source, read_only)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", cycleId, s.code(), s.nameKo(), s.nameEn(), s.scope(), s.scopeUnit(),
                s.envelopeWon(), s.runningOrgUnit(), s.fundingOrgUnit(), s.ballotRule(), s.maxPicks(), s.ruleParam(),
                s.allocation(), s.source(), readOnly);
        audit.record(actor, "pb.track.create", "pb_track", id, s.code() + " envelope=" + s.envelopeWon());
        return id;
    }

    /**
     * Changes a track's ballot rule and allocation. Refused (409 budgeting.frozen) once voting opened;
     * the refusal itself is audited (the transaction commits the audit entry, nothing else changed).
     */
    @Transactional(noRollbackFor = DomainException.class)
    public void updateRules(Actor actor, long trackId, String ballotRule, int maxPicks, int ruleParam, String allocation) {
        Track t = track(trackId);
        if (frozen(t.cycleId()) || t.readOnly()) {
            audit.record(actor, "pb.track.change-refused", "pb_track", trackId, "frozen at vote opening");
            throw DomainException.conflict("budgeting.frozen");
        }
        if (!List.of("APPROVAL", "KNAPSACK", "CUMULATIVE").contains(ballotRule) || !List.of("GREEDY", "MES").contains(allocation)
                || maxPicks < 1 || ruleParam < 0) {
            throw DomainException.invalid("budgeting.track-invalid");
        }
        db.update("UPDATE pb_track SET ballot_rule = ?, max_picks = ?, rule_param = ?, allocation = ? WHERE id = ?",
                ballotRule, maxPicks, ruleParam, allocation, trackId);
        audit.record(actor, "pb.track.update", "pb_track", trackId,
                "rule=" + ballotRule + " maxPicks=" + maxPicks + " param=" + ruleParam + " allocation=" + allocation);
    }

    /** Eligibility settings (min age, relations, weights) freeze at vote opening too. */
    @Transactional(noRollbackFor = DomainException.class)
    public void updateEligibility(Actor actor, long cycleId, int minAge, String relations, int wCitizen, int wCommittee, int wSchool) {
        cycle(cycleId);
        if (frozen(cycleId)) {
            audit.record(actor, "pb.cycle.change-refused", "pb_cycle", cycleId, "frozen at vote opening");
            throw DomainException.conflict("budgeting.frozen");
        }
        if (wCitizen + wCommittee + wSchool != 100 || wCitizen < 0 || wCommittee < 0 || wSchool < 0 || minAge < 0) {
            throw DomainException.invalid("budgeting.weights-invalid");
        }
        db.update("UPDATE pb_cycle SET min_age = ?, relations = ?, weight_citizen = ?, weight_committee = ?, weight_school = ? WHERE id = ?",
                minAge, relations, wCitizen, wCommittee, wSchool, cycleId);
        audit.record(actor, "pb.cycle.update", "pb_cycle", cycleId,
                "minAge=" + minAge + " relations=" + relations + " weights=" + wCitizen + "/" + wCommittee + "/" + wSchool);
    }

    /** A new cycle made from the staff screen: the schedule must pass {@link PhaseSchedule}. */
    @Transactional
    public long createCycleChecked(Actor actor, String name, int fiscalYear, Map<PhaseKind, LocalDate[]> phases) {
        if (!PhaseSchedule.problems(phases).isEmpty()) {
            throw DomainException.invalid("budgeting.phase-dates");
        }
        Map<PhaseKind, LocalDate[]> used = new java.util.EnumMap<>(PhaseKind.class);
        phases.forEach((k, d) -> {
            if (d != null && d[0] != null) {
                used.put(k, d);
            }
        });
        return createCycle(actor, name, fiscalYear, "GONGGAM", used);
    }

    /**
     * Replaces the whole calendar of a cycle (phases with both dates null are dropped). Once voting has
     * opened, the VOTING phase may not change or disappear: refused with 409 and the refusal audited.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public void reschedule(Actor actor, long cycleId, Map<PhaseKind, LocalDate[]> schedule) {
        cycle(cycleId);
        if (!PhaseSchedule.problems(schedule).isEmpty()) {
            throw DomainException.invalid("budgeting.phase-dates");
        }
        Optional<Phase> voting = phase(cycleId, PhaseKind.VOTING);
        if (frozen(cycleId) && voting.isPresent()) {
            LocalDate[] asked = schedule.get(PhaseKind.VOTING);
            if (asked == null || !voting.get().startsOn().equals(asked[0]) || !voting.get().endsOn().equals(asked[1])) {
                audit.record(actor, "pb.phase.change-refused", "pb_phase", voting.get().id(), "VOTING already opened");
                throw DomainException.conflict("budgeting.frozen");
            }
        }
        StringBuilder summary = new StringBuilder();
        for (PhaseKind kind : PhaseKind.values()) {
            LocalDate[] d = schedule.get(kind);
            Optional<Phase> existing = phase(cycleId, kind);
            if (d == null || d[0] == null) {
                if (existing.isPresent()) {
                    db.update("DELETE FROM pb_phase WHERE id = ?", existing.get().id());
                    summary.append(kind).append(" removed; ");
                }
            } else if (existing.isEmpty()) {
                db.insert("INSERT INTO pb_phase (cycle_id, kind, ordinal, starts_on, ends_on) VALUES (?,?,?,?,?)",
                        cycleId, kind, kind.ordinal(), d[0], d[1]);
                summary.append(kind).append(' ').append(d[0]).append("..").append(d[1]).append("; ");
            } else if (!existing.get().startsOn().equals(d[0]) || !existing.get().endsOn().equals(d[1])) {
                db.update("UPDATE pb_phase SET starts_on = ?, ends_on = ? WHERE id = ?", d[0], d[1], existing.get().id());
                summary.append(kind).append(' ').append(d[0]).append("..").append(d[1]).append("; ");
            }
        }
        audit.record(actor, "pb.cycle.schedule", "pb_cycle", cycleId, summary.isEmpty() ? "unchanged" : summary.toString().strip());
    }

    /** Moves a phase; VOTING cannot move once it has opened, and phases may not overlap. */
    @Transactional(noRollbackFor = DomainException.class)
    public void movePhase(Actor actor, long cycleId, PhaseKind kind, LocalDate startsOn, LocalDate endsOn) {
        Phase p = phase(cycleId, kind).orElseThrow(() -> DomainException.notFound("budgeting.phase"));
        if (kind == PhaseKind.VOTING && frozen(cycleId)) {
            audit.record(actor, "pb.phase.change-refused", "pb_phase", p.id(), "VOTING already opened");
            throw DomainException.conflict("budgeting.frozen");
        }
        if (endsOn.isBefore(startsOn)) {
            throw DomainException.invalid("budgeting.phase-dates");
        }
        for (Phase other : phases(cycleId)) {
            if (other.kind() != kind && !endsOn.isBefore(other.startsOn()) && !startsOn.isAfter(other.endsOn())) {
                throw DomainException.invalid("budgeting.phase-overlap");
            }
        }
        db.update("UPDATE pb_phase SET starts_on = ?, ends_on = ? WHERE id = ?", startsOn, endsOn, p.id());
        audit.record(actor, "pb.phase.move", "pb_phase", p.id(), kind + " " + p.startsOn() + ".." + p.endsOn()
                + " -> " + startsOn + ".." + endsOn);
    }
}
