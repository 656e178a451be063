package kr.hamkke.budgetlines;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for budget lines, snapshots, funding and milestones. Joins the caller's transaction. */
@Singleton
@Transactional
public class BudgetLineStore {

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final String LINE_COLUMNS = """
            id, fiscal_year, bureau, division, program_name, program_code, kind, original_won, final_won,
            carried_over_won, prev_original_won, prev_final_won, pb_tag, gu_code, status, status_reason_code,
            status_reason, published, source""";

    private final JdbcOperations jdbc;

    BudgetLineStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    // ---- generic helpers

    <T> List<T> list(String sql, Mapper<T> mapper, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    <T> Optional<T> one(String sql, Mapper<T> mapper, Object... args) {
        List<T> all = list(sql, mapper, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    long insert(String sql, Object... args) {
        return jdbc.execute(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, args);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else if (a instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (a instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    // ---- lines

    static BudgetLine line(ResultSet rs) throws SQLException {
        return new BudgetLine(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getString("bureau"),
                rs.getString("division"), rs.getString("program_name"), rs.getString("program_code"),
                rs.getString("kind"), rs.getLong("original_won"), rs.getLong("final_won"),
                rs.getLong("carried_over_won"), nullableLong(rs, "prev_original_won"), nullableLong(rs, "prev_final_won"),
                rs.getBoolean("pb_tag"), rs.getString("gu_code"), LineStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason_code"), rs.getString("status_reason"), rs.getBoolean("published"),
                rs.getString("source"));
    }

    public Optional<BudgetLine> findLine(long id) {
        return one("SELECT " + LINE_COLUMNS + " FROM budget_line WHERE id = ?", BudgetLineStore::line, id);
    }

    /** Locks the line row until the transaction ends: links and amount changes serialise on it. */
    public Optional<BudgetLine> lockLine(long id) {
        return one("SELECT " + LINE_COLUMNS + " FROM budget_line WHERE id = ? FOR UPDATE", BudgetLineStore::line, id);
    }

    public Optional<BudgetLine> findLine(int fiscalYear, String bureau, String division, String name) {
        return one("SELECT " + LINE_COLUMNS + " FROM budget_line WHERE fiscal_year = ? AND bureau = ? AND division = ? "
                + "AND program_name = ?", BudgetLineStore::line, fiscalYear, bureau, division, name);
    }

    /**
     * Lines of a year (null = all years), optionally of one department (bureau or division name).
     */
    public List<BudgetLine> lines(Integer fiscalYear, String department, boolean publishedOnly) {
        StringBuilder sql = new StringBuilder("SELECT " + LINE_COLUMNS + " FROM budget_line WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (fiscalYear != null) {
            sql.append(" AND fiscal_year = ?");
            args.add(fiscalYear);
        }
        if (department != null && !department.isBlank()) {
            sql.append(" AND (bureau = ? OR division = ?)");
            args.add(department.strip());
            args.add(department.strip());
        }
        if (publishedOnly) {
            sql.append(" AND published = TRUE");
        }
        sql.append(" ORDER BY fiscal_year DESC, bureau, division, id");
        return list(sql.toString(), BudgetLineStore::line, args.toArray());
    }

    public List<Integer> fiscalYears(boolean publishedOnly) {
        return list("SELECT DISTINCT fiscal_year FROM budget_line" + (publishedOnly ? " WHERE published = TRUE" : "")
                + " ORDER BY fiscal_year DESC", rs -> rs.getInt(1));
    }

    public long insertLine(BudgetLine l, Long actorId, Instant now) {
        return insert("""
                INSERT INTO budget_line (fiscal_year, bureau, division, program_name, program_code, kind, original_won,
                  final_won, carried_over_won, prev_original_won, prev_final_won, pb_tag, gu_code, status,
                  status_reason_code, status_reason, published, source, created_by, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                l.fiscalYear(), l.bureau(), l.division(), l.programName(), l.programCode(), l.kind(), l.originalWon(),
                l.finalWon(), l.carriedOverWon(), l.prevOriginalWon(), l.prevFinalWon(), l.pbTag(), l.guCode(),
                l.status(), l.statusReasonCode(), l.statusReason(), l.published(), l.source(), actorId, now, now);
    }

    public void updateLine(BudgetLine l, Instant now) {
        update("""
                UPDATE budget_line SET fiscal_year = ?, bureau = ?, division = ?, program_name = ?, program_code = ?,
                  kind = ?, original_won = ?, final_won = ?, carried_over_won = ?, prev_original_won = ?,
                  prev_final_won = ?, pb_tag = ?, gu_code = ?, status = ?, status_reason_code = ?, status_reason = ?,
                  published = ?, source = ?, updated_at = ? WHERE id = ?""",
                l.fiscalYear(), l.bureau(), l.division(), l.programName(), l.programCode(), l.kind(), l.originalWon(),
                l.finalWon(), l.carriedOverWon(), l.prevOriginalWon(), l.prevFinalWon(), l.pbTag(), l.guCode(),
                l.status(), l.statusReasonCode(), l.statusReason(), l.published(), l.source(), now, l.id());
    }

    // ---- snapshots

    static Snapshot snapshot(ResultSet rs) throws SQLException {
        int row = rs.getInt("source_row");
        Integer sourceRow = rs.wasNull() ? null : row;
        return new Snapshot(rs.getLong("id"), rs.getLong("budget_line_id"), rs.getDate("as_of").toLocalDate(),
                rs.getLong("committed_won"), rs.getLong("spent_won"), nullableLong(rs, "stated_forecast_won"),
                rs.getString("source"), sourceRow);
    }

    private static final String SNAPSHOT_COLUMNS =
            "id, budget_line_id, as_of, committed_won, spent_won, stated_forecast_won, source, source_row";

    public List<Snapshot> snapshots(long lineId) {
        return list("SELECT " + SNAPSHOT_COLUMNS + " FROM execution_snapshot WHERE budget_line_id = ? ORDER BY as_of",
                BudgetLineStore::snapshot, lineId);
    }

    /** Every snapshot of the given lines, oldest first. */
    public List<Snapshot> snapshotsOfYear(Integer fiscalYear) {
        return list("SELECT s.id, s.budget_line_id, s.as_of, s.committed_won, s.spent_won, s.stated_forecast_won, "
                + "s.source, s.source_row FROM execution_snapshot s JOIN budget_line l ON l.id = s.budget_line_id"
                + (fiscalYear == null ? "" : " WHERE l.fiscal_year = " + fiscalYear.intValue())
                + " ORDER BY s.budget_line_id, s.as_of", BudgetLineStore::snapshot);
    }

    public Optional<Snapshot> snapshotOn(long lineId, LocalDate asOf) {
        return one("SELECT " + SNAPSHOT_COLUMNS + " FROM execution_snapshot WHERE budget_line_id = ? AND as_of = ?",
                BudgetLineStore::snapshot, lineId, asOf);
    }

    public long insertSnapshot(long lineId, LocalDate asOf, long committed, long spent, Long forecast, String source,
                               Integer sourceRow, Long actorId, Instant now) {
        return insert("""
                INSERT INTO execution_snapshot (budget_line_id, as_of, committed_won, spent_won, stated_forecast_won,
                  source, source_row, entered_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)""",
                lineId, asOf, committed, spent, forecast, source, sourceRow, actorId, now);
    }

    public void updateSnapshot(long id, long committed, long spent, Long forecast, String source, Integer sourceRow) {
        update("UPDATE execution_snapshot SET committed_won = ?, spent_won = ?, stated_forecast_won = ?, source = ?, "
                + "source_row = ? WHERE id = ?", committed, spent, forecast, source, sourceRow, id);
    }

    // ---- funding

    static Funding funding(ResultSet rs) throws SQLException {
        return new Funding(rs.getLong("id"), nullableLong(rs, "budget_line_id"),
                new FundedRef(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id"),
                        rs.getString("subject_title")),
                FundingOutcome.valueOf(rs.getString("outcome")), rs.getLong("amount_won"), rs.getString("reason_code"),
                rs.getString("public_reason"), rs.getString("note"), nullableLong(rs, "created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static final String FUNDING_COLUMNS = "id, budget_line_id, subject_kind, subject_id, subject_title, outcome, "
            + "amount_won, reason_code, public_reason, note, created_by, created_at";

    public List<Funding> fundingOfLine(long lineId) {
        return list("SELECT " + FUNDING_COLUMNS + " FROM funding WHERE budget_line_id = ? ORDER BY id",
                BudgetLineStore::funding, lineId);
    }

    public List<Funding> fundingOfSubject(SubjectKind kind, long id) {
        return list("SELECT " + FUNDING_COLUMNS + " FROM funding WHERE subject_kind = ? AND subject_id = ? ORDER BY id",
                BudgetLineStore::funding, kind, id);
    }

    public List<Funding> allFunding(Integer fiscalYear) {
        return list("SELECT f.id, f.budget_line_id, f.subject_kind, f.subject_id, f.subject_title, f.outcome, "
                + "f.amount_won, f.reason_code, f.public_reason, f.note, f.created_by, f.created_at FROM funding f "
                + "LEFT JOIN budget_line l ON l.id = f.budget_line_id"
                + (fiscalYear == null ? "" : " WHERE l.fiscal_year = " + fiscalYear.intValue() + " OR l.id IS NULL")
                + " ORDER BY f.id", BudgetLineStore::funding);
    }

    public long allocatedWon(long lineId) {
        return one("SELECT COALESCE(SUM(amount_won), 0) FROM funding WHERE budget_line_id = ?", rs -> rs.getLong(1), lineId)
                .orElse(0L);
    }

    public long insertFunding(Long lineId, FundedRef subject, FundingOutcome outcome, long amount, String reasonCode,
                              String publicReason, String note, Long actorId, Instant now) {
        return insert("""
                INSERT INTO funding (budget_line_id, subject_kind, subject_id, subject_title, outcome, amount_won,
                  reason_code, public_reason, note, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                lineId, subject.kind(), subject.id(), subject.title(), outcome, amount, reasonCode, publicReason, note,
                actorId, now);
    }

    // ---- milestones and followers

    /**
     * Locks the subject's total row until commit (creating it at 0) and returns the amount linked so far. The
     * insert takes an exclusive lock on a duplicate key, so first-time callers queue instead of deadlocking.
     */
    public long lockSubjectTotal(SubjectKind kind, long id) {
        update("INSERT INTO funding_subject_total (subject_kind, subject_id, linked_won) VALUES (?,?,0) "
                + "ON DUPLICATE KEY UPDATE linked_won = linked_won", kind, id);
        return one("SELECT linked_won FROM funding_subject_total WHERE subject_kind = ? AND subject_id = ? FOR UPDATE",
                rs -> rs.getLong(1), kind, id).orElseThrow();
    }

    /** Amounts linked so far per subject, keyed "KIND:id" (for the staff picker). */
    public java.util.Map<String, Long> subjectTotals() {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (Object[] r : list("SELECT subject_kind, subject_id, linked_won FROM funding_subject_total",
                rs -> new Object[] {rs.getString(1) + ":" + rs.getLong(2), rs.getLong(3)})) {
            out.put((String) r[0], (Long) r[1]);
        }
        return out;
    }

    public void addToSubjectTotal(SubjectKind kind, long id, long won) {
        update("UPDATE funding_subject_total SET linked_won = linked_won + ? WHERE subject_kind = ? AND subject_id = ?",
                won, kind, id);
    }

    public List<Milestone> milestones(SubjectKind kind, long id) {
        return list("SELECT id, subject_kind, subject_id, occurred_on, text, completed FROM funding_milestone "
                        + "WHERE subject_kind = ? AND subject_id = ? ORDER BY occurred_on, id",
                rs -> new Milestone(rs.getLong("id"), SubjectKind.valueOf(rs.getString("subject_kind")),
                        rs.getLong("subject_id"), rs.getDate("occurred_on").toLocalDate(), rs.getString("text"),
                        rs.getBoolean("completed")), kind, id);
    }

    public long insertMilestone(SubjectKind kind, long id, LocalDate on, String text, boolean completed, Long actorId,
                                Instant now) {
        return insert("INSERT INTO funding_milestone (subject_kind, subject_id, occurred_on, text, completed, created_by, "
                + "created_at) VALUES (?,?,?,?,?,?,?)", kind, id, on, text, completed, actorId, now);
    }

    public List<Long> followers(SubjectKind kind, long id) {
        return list("SELECT account_id FROM funding_follower WHERE subject_kind = ? AND subject_id = ?",
                rs -> rs.getLong(1), kind, id);
    }

    public boolean follow(SubjectKind kind, long id, long accountId, Instant now) {
        return update("INSERT IGNORE INTO funding_follower (subject_kind, subject_id, account_id, created_at) "
                + "VALUES (?,?,?,?)", kind, id, accountId, now) > 0;
    }

    public void notify(long accountId, String message, String link, Instant now) {
        update("INSERT INTO notification (account_id, message, link, created_at) VALUES (?,?,?,?)",
                accountId, message, link, now);
    }
}
