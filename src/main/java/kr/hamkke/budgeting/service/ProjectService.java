package kr.hamkke.budgeting.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.budgeting.service.Models.Event;
import kr.hamkke.budgeting.service.Models.Feasibility;
import kr.hamkke.budgeting.service.Models.Project;
import kr.hamkke.budgeting.service.Models.Track;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

/**
 * The project lifecycle (§5.4): submit and edit in SUBMISSION, screening (B1), feasibility with kept
 * versions (B2), committee shortlist to ON_BALLOT. Every transition is audited and put on the
 * public timeline; negative decisions carry a reason code and ≥ 20 characters of public text (§8.3).
 */
@Singleton
public class ProjectService {

    public static final Set<String> INELIGIBLE_CODES = Set.of("LAW", "DUPLICATE", "COST", "SCOPE", "RUNNING_COST");
    static final String COLS = "id, code, cycle_id, track_id, title, description, gu_code, dong_code, category, proposer_id, "
            + "requested_cost_won, adjusted_cost_won, status, created_at";

    private final Db db;
    private final AuditLog audit;
    private final CycleService cycles;
    private final Clock clock;
    private final ProposerNotices notices;
    private final BudgetSchool school;

    ProjectService(Db db, AuditLog audit, CycleService cycles, Clock clock, ProposerNotices notices, BudgetSchool school) {
        this.school = school;
        this.db = db;
        this.audit = audit;
        this.cycles = cycles;
        this.clock = clock;
        this.notices = notices;
    }

    static Project project(ResultSet rs) throws SQLException {
        long adjusted = rs.getLong(12);
        Long adj = rs.wasNull() ? null : adjusted;
        long proposer = rs.getLong(10);
        Long prop = rs.wasNull() ? null : proposer;
        return new Project(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), prop, rs.getLong(11), adj, rs.getString(13),
                rs.getTimestamp(14).toInstant());
    }

    @Transactional(readOnly = true)
    public Project find(long id) {
        return db.one("SELECT " + COLS + " FROM pb_project WHERE id = ?", ProjectService::project, id)
                .orElseThrow(() -> DomainException.notFound("budgeting.project"));
    }

    @Transactional(readOnly = true)
    public List<Project> ofTrack(long trackId) {
        return db.list("SELECT " + COLS + " FROM pb_project WHERE track_id = ? ORDER BY code", ProjectService::project, trackId);
    }

    @Transactional(readOnly = true)
    public List<Project> onBallot(long trackId) {
        return db.list("SELECT " + COLS + " FROM pb_project WHERE track_id = ? AND status IN ('ON_BALLOT','SELECTED','NOT_SELECTED','ADOPTED') ORDER BY code",
                ProjectService::project, trackId);
    }

    @Transactional(readOnly = true)
    public List<Project> ofCycleWithStatus(long cycleId, String status) {
        return db.list("SELECT " + COLS + " FROM pb_project WHERE cycle_id = ? AND status = ? ORDER BY code",
                ProjectService::project, cycleId, status);
    }

    @Transactional(readOnly = true)
    public List<Event> timeline(long projectId) {
        return db.list("""
                SELECT occurred_at, actor_role, action, from_status, to_status, reason_code, public_text
                FROM pb_project_event WHERE project_id = ? ORDER BY occurred_at, id""",
                rs -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), projectId);
    }

    @Transactional(readOnly = true)
    public List<Feasibility> feasibility(long projectId) {
        return db.list("""
                SELECT version, verdict, adjusted_cost_won, adjustment_reason, reviewed_at FROM pb_feasibility
                WHERE project_id = ? ORDER BY version""", rs -> {
            long c = rs.getLong(3);
            Long cost = rs.wasNull() ? null : c;
            return new Feasibility(rs.getInt(1), rs.getString(2), cost, rs.getString(4), rs.getTimestamp(5).toInstant());
        }, projectId);
    }

    public record Draft(String title, String description, String guCode, String dongCode, String category, long requestedCostWon) {
    }

    @Transactional
    public long submit(Actor proposer, long trackId, Draft d) {
        Track track = cycles.track(trackId);
        cycles.require(track.cycleId(), Capability.SUBMIT);
        validate(d);
        Instant now = clock.instant();
        long seq = db.count("SELECT COUNT(*) FROM pb_project WHERE cycle_id = ?", track.cycleId()) + 1;
        int year = cycles.cycle(track.cycleId()).fiscalYear();
        String code = "PB-" + year + "-" + track.code() + "-" + String.format("%03d", seq) + "-" + Long.toString(now.toEpochMilli() % 46656, 36);
        long id = db.insert("""
                INSERT INTO pb_project (code, cycle_id, track_id, title, description, gu_code, dong_code, category, proposer_id,
                  requested_cost_won, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,'SUBMITTED',?,?)""",
                code, track.cycleId(), trackId, d.title().strip(), d.description().strip(), blank(d.guCode()), blank(d.dongCode()),
                d.category(), proposer.accountId(), d.requestedCostWon(), now, now);
        event(id, proposer, "submit", "DRAFT", "SUBMITTED", null, null);
        audit.record(proposer, "pb.project.submit", "pb_project", id, code + " cost=" + d.requestedCostWon());
        return id;
    }

    @Transactional
    public void edit(Actor proposer, long projectId, Draft d) {
        Project p = find(projectId);
        if (p.proposerId() == null || !p.proposerId().equals(proposer.accountId())) {
            throw DomainException.notAllowed("forbidden");
        }
        cycles.require(p.cycleId(), Capability.EDIT);
        validate(d);
        db.update("""
                UPDATE pb_project SET title = ?, description = ?, gu_code = ?, dong_code = ?, category = ?, requested_cost_won = ?,
                  updated_at = ? WHERE id = ?""", d.title().strip(), d.description().strip(), blank(d.guCode()), blank(d.dongCode()),
                d.category(), d.requestedCostWon(), clock.instant(), projectId);
        event(projectId, proposer, "edit", p.status(), p.status(), null, null);
        audit.record(proposer, "pb.project.edit", "pb_project", projectId, "cost " + p.requestedCostWon() + " -> " + d.requestedCostWon());
    }

    public record Screening(boolean lawOk, boolean duplicateOk, boolean costOk, boolean scopeOk, boolean runningCostOk,
                            String reasonCode, String publicReason) {
        public boolean passes() {
            return lawOk && duplicateOk && costOk && scopeOk && runningCostOk;
        }
    }

    /** B1: five checks; any failure makes the project INELIGIBLE with a reason code and public text. */
    @Transactional
    public void screen(Actor reviewer, long projectId, Screening s) {
        Project p = find(projectId);
        cycles.require(p.cycleId(), Capability.SCREEN);
        requireStatus(p, "SUBMITTED");
        String decision = s.passes() ? "ELIGIBLE" : "INELIGIBLE";
        if (!s.passes()) {
            requireReason(s.reasonCode(), s.publicReason());
        }
        db.insert("""
                INSERT INTO pb_screening (project_id, law_ok, duplicate_ok, cost_ok, scope_ok, running_cost_ok, decision,
                  reason_code, public_reason, reviewer_id, decided_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                projectId, s.lawOk(), s.duplicateOk(), s.costOk(), s.scopeOk(), s.runningCostOk(), decision,
                s.passes() ? null : s.reasonCode(), s.passes() ? null : s.publicReason().strip(), reviewer.accountId(), clock.instant());
        transition(reviewer, p, decision, "screen", s.passes() ? null : s.reasonCode(), s.passes() ? null : s.publicReason());
    }

    /** B2: FEASIBLE / FEASIBLE_WITH_CHANGES (adjusted cost with a reason) / INFEASIBLE; versions kept. */
    @Transactional
    public void review(Actor reviewer, long projectId, String verdict, Long adjustedCostWon, String reason) {
        Project p = find(projectId);
        cycles.require(p.cycleId(), Capability.REVIEW);
        requireStatus(p, "ELIGIBLE");
        if (!Set.of("FEASIBLE", "FEASIBLE_WITH_CHANGES", "INFEASIBLE").contains(verdict)) {
            throw DomainException.invalid("budgeting.verdict");
        }
        if ("INFEASIBLE".equals(verdict)) {
            requireReason("INFEASIBLE", reason);
        }
        boolean adjusts = adjustedCostWon != null && adjustedCostWon != p.costWon();
        if (adjusts) {
            if (adjustedCostWon <= 0) {
                throw DomainException.invalid("budgeting.cost");
            }
            requireReason("COST", reason);
        }
        int version = (int) db.count("SELECT COUNT(*) FROM pb_feasibility WHERE project_id = ?", projectId) + 1;
        db.insert("""
                INSERT INTO pb_feasibility (project_id, version, reviewer_id, verdict, adjusted_cost_won, adjustment_reason, reviewed_at)
                VALUES (?,?,?,?,?,?,?)""", projectId, version, reviewer.accountId(), verdict, adjusts ? adjustedCostWon : null,
                reason == null ? null : reason.strip(), clock.instant());
        if (adjusts) {
            db.update("UPDATE pb_project SET adjusted_cost_won = ? WHERE id = ?", adjustedCostWon, projectId);
            event(projectId, reviewer, "cost-adjust", p.status(), p.status(), "COST",
                    p.costWon() + "원 → " + adjustedCostWon + "원: " + reason.strip());
        }
        String to = "INFEASIBLE".equals(verdict) ? "INFEASIBLE" : "FEASIBLE";
        transition(reviewer, p, to, "review", "INFEASIBLE".equals(verdict) ? "INFEASIBLE" : null,
                "INFEASIBLE".equals(verdict) ? reason : null);
    }

    /** Committee decision: FEASIBLE → ON_BALLOT or NOT_SHORTLISTED (with a public reason). */
    @Transactional
    public void shortlist(Actor actor, long projectId, boolean onBallot, String reason) {
        Project p = find(projectId);
        cycles.require(p.cycleId(), Capability.SHORTLIST);
        if ("PANEL_MEMBER".equals(actor.role()) && !school.completed(p.cycleId(), actor.accountId())) {
            // B3/B4: 예산학교 for this cycle is the precondition of committee work.
            throw DomainException.notAllowed("budgeting.school-required");
        }
        if ("PANEL_MEMBER".equals(actor.role()) && recused(actor.accountId(), p)) {
            throw DomainException.notAllowed("budgeting.recused");
        }
        requireStatus(p, "FEASIBLE");
        if (!onBallot) {
            requireReason("NOT_SHORTLISTED", reason);
        }
        transition(actor, p, onBallot ? "ON_BALLOT" : "NOT_SHORTLISTED", "shortlist", onBallot ? null : "NOT_SHORTLISTED",
                onBallot ? reason : reason);
    }

    /** §5.4: the proposer withdraws SUBMITTED..ON_BALLOT before VOTING opens, with a public reason. */
    @Transactional
    public void withdraw(Actor proposer, long projectId, String reason) {
        Project p = find(projectId);
        if (p.proposerId() == null || !p.proposerId().equals(proposer.accountId())) {
            throw DomainException.notAllowed("forbidden");
        }
        if (cycles.frozen(p.cycleId())) {
            throw DomainException.notAllowed("budgeting.PHASE_CLOSED");
        }
        if (!Set.of("SUBMITTED", "ELIGIBLE", "FEASIBLE", "ON_BALLOT").contains(p.status())) {
            throw DomainException.conflict("budgeting.wrong-status");
        }
        requireReason("WITHDRAWN", reason);
        transition(proposer, p, "WITHDRAWN", "withdraw", "WITHDRAWN", reason);
    }

    void transition(Actor actor, Project p, String to, String action, String reasonCode, String publicText) {
        int changed = db.update("UPDATE pb_project SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                to, clock.instant(), p.id(), p.status());
        if (changed != 1) {
            throw DomainException.conflict("budgeting.stale");
        }
        event(p.id(), actor, action, p.status(), to, reasonCode, publicText);
        audit.record(actor, "pb.project." + action, "pb_project", p.id(), p.status() + " -> " + to, publicText);
        notices.statusChanged(actor, p, to, publicText);
    }

    /** B3: a committee member recused from this project (declared, or its proposer) takes no decision on it. */
    boolean recused(long accountId, Project p) {
        return (p.proposerId() != null && p.proposerId() == accountId)
                || db.count("SELECT COUNT(*) FROM pb_recusal WHERE project_id = ? AND account_id = ?", p.id(), accountId) > 0;
    }

    /** Projects that may still be merged away: not yet on the ballot, not already decided against. */
    static final Set<String> MERGEABLE = Set.of("SUBMITTED", "ELIGIBLE", "FEASIBLE");
    /** Projects that may absorb another: alive and not yet voted on. */
    static final Set<String> SURVIVOR = Set.of("SUBMITTED", "ELIGIBLE", "FEASIBLE", "ON_BALLOT");

    /**
     * Merges a duplicate into a similar project of the same track (B1 중복, B2): the duplicate becomes
     * MERGED and points at the survivor; both keep their whole timeline, and each gets an entry naming
     * the other. Allowed from screening to deliberation (before the ballot freezes), with a public reason.
     * Both rows are locked in id order, so two opposite merges at once cannot both succeed.
     */
    @Transactional
    public void merge(Actor actor, long projectId, long survivorId, String reason) {
        if (projectId == survivorId) {
            throw DomainException.invalid("budgeting.merge-self");
        }
        long first = Math.min(projectId, survivorId);
        long second = Math.max(projectId, survivorId);
        db.one("SELECT id FROM pb_project WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), first);
        db.one("SELECT id FROM pb_project WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), second);
        Project p = find(projectId);
        Project survivor = find(survivorId);
        if (p.trackId() != survivor.trackId()) {
            throw DomainException.invalid("budgeting.merge-other-track");
        }
        PhaseKind phase = cycles.currentPhase(p.cycleId()).orElse(null);
        if (phase != PhaseKind.SCREENING && phase != PhaseKind.FEASIBILITY && phase != PhaseKind.DELIBERATION) {
            throw DomainException.notAllowed("budgeting.PHASE_CLOSED");
        }
        if (!MERGEABLE.contains(p.status()) || !SURVIVOR.contains(survivor.status())) {
            throw DomainException.conflict("budgeting.wrong-status");
        }
        requireReason("DUPLICATE", reason);
        db.update("UPDATE pb_project SET merged_into = ? WHERE id = ?", survivorId, projectId);
        transition(actor, p, "MERGED", "merge", "DUPLICATE", "→ " + survivor.code() + " 「" + survivor.title() + "」: " + reason.strip());
        event(survivorId, actor, "merge-in", survivor.status(), survivor.status(), "DUPLICATE",
                "← " + p.code() + " 「" + p.title() + "」: " + reason.strip());
        audit.record(actor, "pb.project.merge-in", "pb_project", survivorId, "absorbed " + p.code(), reason.strip());
        notices.mergedInto(actor, survivor, p);
    }

    /** The project a merged one points at, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Project> mergedInto(long projectId) {
        return db.one("SELECT " + COLS + " FROM pb_project WHERE id = (SELECT merged_into FROM pb_project WHERE id = ?)",
                ProjectService::project, projectId);
    }

    /** Projects merged into this one, oldest first. */
    @Transactional(readOnly = true)
    public List<Project> mergedFrom(long projectId) {
        return db.list("SELECT " + COLS + " FROM pb_project WHERE merged_into = ? ORDER BY id", ProjectService::project, projectId);
    }

    /** A project by its public code (PB-…), for staff forms that name a project by what the page shows. */
    @Transactional(readOnly = true)
    public java.util.Optional<Project> byCode(String code) {
        return db.one("SELECT " + COLS + " FROM pb_project WHERE code = ?", ProjectService::project, code == null ? "" : code.strip());
    }

    void event(long projectId, Actor actor, String action, String from, String to, String reasonCode, String text) {
        db.insert("""
                INSERT INTO pb_project_event (project_id, occurred_at, actor_role, action, from_status, to_status, reason_code, public_text)
                VALUES (?,?,?,?,?,?,?,?)""", projectId, clock.instant(), actor.role(), action, from, to, reasonCode,
                text == null || text.isBlank() ? null : text.strip());
    }

    private static void requireStatus(Project p, String status) {
        if (!p.status().equals(status)) {
            throw DomainException.conflict("budgeting.wrong-status");
        }
    }

    static void requireReason(String code, String text) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("budgeting.reason-code");
        }
        if (text == null || text.strip().length() < 20) {
            throw DomainException.invalid("budgeting.reason-short");
        }
    }

    private static void validate(Draft d) {
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200
                || d.description() == null || d.description().strip().length() < 20
                || d.category() == null || d.category().isBlank() || d.requestedCostWon() <= 0) {
            throw DomainException.invalid("budgeting.project-invalid");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
