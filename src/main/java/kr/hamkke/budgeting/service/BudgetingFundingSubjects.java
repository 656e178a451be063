package kr.hamkke.budgeting.service;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.budgetlines.FundingSubjects;
import kr.hamkke.budgetlines.SubjectKind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PB projects as budget-line subjects (DOMAIN §5.4, §7.3): a project is a winner once the 한마당 총회 adopted it
 * (ADOPTED and every later state). Its decision history comes from the project's public events, the published
 * tally (rank, score, explanation) and the assembly decision. Read-only SQL; it joins the caller's transaction.
 */
@Singleton
@Transactional
public class BudgetingFundingSubjects implements FundingSubjects {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** After the 한마당 총회 approval: the states a budget line may fund. */
    static final List<String> WINNER_STATES = List.of("ADOPTED", "FUNDED", "REDUCED", "EXECUTING", "COMPLETED");
    private static final Map<String, String> STATE_LABELS = Map.ofEntries(
            Map.entry("SUBMITTED", "접수"), Map.entry("ELIGIBLE", "적격"), Map.entry("INELIGIBLE", "부적격"),
            Map.entry("FEASIBLE", "실현 가능"), Map.entry("INFEASIBLE", "실현 불가"), Map.entry("ON_BALLOT", "투표 대상"),
            Map.entry("NOT_SHORTLISTED", "투표 대상 아님"), Map.entry("SELECTED", "선정"), Map.entry("NOT_SELECTED", "미선정"),
            Map.entry("ADOPTED", "총회 승인"), Map.entry("REJECTED_BY_ASSEMBLY", "총회 제외"), Map.entry("FUNDED", "예산 반영"),
            Map.entry("REDUCED", "감액"), Map.entry("CUT", "삭감"), Map.entry("EXECUTING", "집행 중"),
            Map.entry("COMPLETED", "완료"), Map.entry("WITHDRAWN", "철회"), Map.entry("MERGED", "병합"));
    private static final Map<String, String> ACTION_LABELS = Map.of(
            "submit", "제안 접수", "screen", "적격 심사", "review", "실현가능성 검토", "cost-adjust", "사업비 조정",
            "shortlist", "위원회 숙의", "exclude", "투표 결과 제외", "withdraw", "철회", "assembly", "한마당 총회");

    private final JdbcOperations jdbc;

    BudgetingFundingSubjects(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, String title, String status, long costWon, String cycleName, int fiscalYear,
                       LocalDate assemblyOn, Long proposerId) {
    }

    private static final String SELECT = """
            SELECT p.id, p.title, p.status, COALESCE(p.adjusted_cost_won, p.requested_cost_won) AS cost, c.name, c.fiscal_year,
              (SELECT a.held_on FROM pb_assembly_decision a WHERE a.cycle_id = p.cycle_id AND a.decision = 'APPROVED') AS assembly_on,
              p.proposer_id
            FROM pb_project p JOIN pb_cycle c ON c.id = p.cycle_id""";

    private static Row row(ResultSet rs) throws SQLException {
        java.sql.Date held = rs.getDate(7);
        long proposer = rs.getLong(8);
        Long proposerId = rs.wasNull() ? null : proposer;
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6),
                held == null ? null : held.toLocalDate(), proposerId);
    }

    private SubjectSummary summary(Row r) {
        return new SubjectSummary(SubjectKind.PB_PROJECT, r.id(), r.title(), "/budgeting/projects/" + r.id(),
                r.cycleName() + " · " + STATE_LABELS.getOrDefault(r.status(), r.status()), WINNER_STATES.contains(r.status()),
                r.costWon(), r.assemblyOn());
    }

    private Optional<Row> load(long id) {
        return jdbc.prepareStatement(SELECT + " WHERE p.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty();
            }
        });
    }

    @Override
    public Optional<SubjectSummary> find(SubjectKind kind, long id) {
        if (kind != SubjectKind.PB_PROJECT) {
            return Optional.empty();
        }
        return load(id).map(this::summary);
    }

    @Override
    public List<SubjectSummary> candidates(SubjectKind kind) {
        if (kind != SubjectKind.PB_PROJECT) {
            return List.of();
        }
        String in = String.join(",", WINNER_STATES.stream().map(s -> "'" + s + "'").toList());
        return jdbc.prepareStatement(SELECT + " WHERE p.status IN (" + in + ") ORDER BY c.fiscal_year DESC, p.code LIMIT 500", ps -> {
            List<SubjectSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(row(rs)));
                }
            }
            return out;
        });
    }

    @Override
    public List<Long> participants(SubjectKind kind, long id) {
        if (kind != SubjectKind.PB_PROJECT) {
            return List.of();
        }
        // the proposer; ballots are tied to identities, never to accounts, so voters are reached as followers only
        return load(id).map(Row::proposerId).map(List::of).orElse(List.of());
    }

    @Override
    public List<TimelineEntry> decisionHistory(SubjectKind kind, long id) {
        if (kind != SubjectKind.PB_PROJECT) {
            return List.of();
        }
        Optional<Row> project = load(id);
        if (project.isEmpty()) {
            return List.of();
        }
        String link = "/budgeting/projects/" + id;
        List<TimelineEntry> out = new ArrayList<>();
        jdbc.prepareStatement("""
                SELECT occurred_at, action, to_status, public_text FROM pb_project_event
                WHERE project_id = ? ORDER BY occurred_at, id""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String action = rs.getString(2);
                    if ("edit".equals(action) || "tally".equals(action) || "assembly".equals(action)) {
                        continue; // shown below with the tally's figures and the assembly's votes
                    }
                    String stage = "submit".equals(action) ? "PROPOSAL" : "DELIBERATION";
                    String to = rs.getString(3);
                    String title = ACTION_LABELS.getOrDefault(action, action)
                            + (to == null || "submit".equals(action) ? "" : " — " + STATE_LABELS.getOrDefault(to, to));
                    out.add(new TimelineEntry(date(rs.getTimestamp(1)), stage, title, rs.getString(4), link));
                }
            }
            return null;
        });
        jdbc.prepareStatement("""
                SELECT t.published_at, t.method, l.rank_no, l.score_percent, l.funded, l.excluded, l.explanation,
                  l.votes_citizen + l.votes_committee + l.votes_school, t.track_id
                FROM pb_tally_line l JOIN pb_tally t ON t.id = l.tally_id
                WHERE l.project_id = ? AND t.published_at IS NOT NULL ORDER BY t.published_at DESC, t.run_no DESC LIMIT 1""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String result = rs.getBoolean(6) ? "제외" : rs.getBoolean(5) ? "선정" : "미선정";
                    String detail = rs.getInt(3) + "위 · 득표율 " + rs.getString(4) + " · 득표 "
                            + NumberFormat.getIntegerInstance(Locale.KOREA).format(rs.getLong(8)) + "표 — " + rs.getString(7);
                    out.add(new TimelineEntry(date(rs.getTimestamp(1)), "DECISION", "시민투표 결과: " + result, detail,
                            "/budgeting/tracks/" + rs.getLong(9) + "/results"));
                }
            }
            return null;
        });
        jdbc.prepareStatement("""
                SELECT a.held_on, a.decision, a.attendees, a.yes_votes, a.no_votes, a.abstentions
                FROM pb_assembly_decision a JOIN pb_project p ON p.cycle_id = a.cycle_id WHERE p.id = ?""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    boolean approved = "APPROVED".equals(rs.getString(2));
                    boolean adopted = WINNER_STATES.contains(project.get().status());
                    String title = "한마당 총회: " + (approved && adopted ? "승인" : approved ? "목록 승인 (이 사업은 대상 아님)" : "부결");
                    out.add(new TimelineEntry(rs.getDate(1).toLocalDate(), "DECISION", title,
                            "참석 " + rs.getInt(3) + "명 · 찬성 " + rs.getInt(4) + " / 반대 " + rs.getInt(5) + " / 기권 " + rs.getInt(6),
                            link));
                }
            }
            return null;
        });
        return out;
    }

    private static LocalDate date(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(SEOUL).toLocalDate();
    }
}
