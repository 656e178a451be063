package kr.hamkke.budgeting.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

/**
 * 예산학교 completions per cycle (V25). Completing the school is the precondition of committee work
 * (DOMAIN B3/B4): a PANEL_MEMBER without a completion for the cycle is refused committee decisions on
 * that cycle's projects ({@link ProjectService#shortlist}). Staff record completions by e-mail address.
 */
@Singleton
public class BudgetSchool {

    public record Completion(long accountId, String email, String displayName, LocalDate completedOn, String courseNote) {
    }

    private final Db db;
    private final AuditLog audit;
    private final CycleService cycles;
    private final Clock clock;

    BudgetSchool(Db db, AuditLog audit, CycleService cycles, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.cycles = cycles;
        this.clock = clock;
    }

    /** Records that the person with this e-mail completed 예산학교 for the cycle; 409 if already recorded. */
    @Transactional
    public long record(Actor staff, long cycleId, String email, String completedOn, String courseNote) {
        cycles.cycle(cycleId); // 404 for an unknown cycle
        String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (mail.isEmpty()) {
            throw DomainException.invalid("budgeting.school.email");
        }
        long accountId = db.one("SELECT id FROM account WHERE LOWER(email) = ? AND status = 'ACTIVE'", rs -> rs.getLong(1), mail)
                .orElseThrow(() -> DomainException.invalid("budgeting.school.email"));
        LocalDate on;
        try {
            on = LocalDate.parse(completedOn == null ? "" : completedOn.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid("budgeting.school.date");
        }
        if (on.isAfter(LocalDate.now(clock.withZone(kr.hamkke.shared.ClockFactory.SEOUL)))) {
            throw DomainException.invalid("budgeting.school.date");
        }
        String note = courseNote == null ? "" : courseNote.strip();
        if (note.length() < 2 || note.length() > 200) {
            throw DomainException.invalid("budgeting.school.note");
        }
        int inserted = db.update("""
                INSERT IGNORE INTO pb_school_completion (cycle_id, account_id, completed_on, course_note, recorded_by, recorded_at)
                VALUES (?,?,?,?,?,?)""", cycleId, accountId, on, note, staff.accountId(), clock.instant());
        if (inserted != 1) {
            throw DomainException.conflict("budgeting.school.already");
        }
        audit.record(staff, "pb.school.record", "pb_cycle", cycleId, "account=" + accountId + " completed_on=" + on, note);
        return accountId;
    }

    @Transactional(readOnly = true)
    public boolean completed(long cycleId, long accountId) {
        return db.count("SELECT COUNT(*) FROM pb_school_completion WHERE cycle_id = ? AND account_id = ?", cycleId, accountId) > 0;
    }

    @Transactional(readOnly = true)
    public List<Completion> of(long cycleId) {
        return db.list("""
                SELECT a.id, a.email, a.nickname, s.completed_on, s.course_note FROM pb_school_completion s
                JOIN account a ON a.id = s.account_id WHERE s.cycle_id = ? ORDER BY s.completed_on, a.email""",
                rs -> new Completion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5)),
                cycleId);
    }
}
