package kr.hamkke.assembly;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.budgetlines.FundingSubjects;
import kr.hamkke.budgetlines.SubjectKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * 서울시민회의 policy proposals as budget-line subjects. Every row of assembly_policy_proposal was adopted by the
 * 시민총회; it stays fundable unless the department answered 불수용. History: the table's draft, the plenary
 * vote (찬성/반대/기권, rank) and the department's response. Read-only SQL; joins the caller's transaction.
 */
@Singleton
@Transactional
public class AssemblyFundingSubjects implements FundingSubjects {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Map<String, String> RESPONSES = Map.of(
            "ACCEPTED", "수용", "PARTIAL", "일부수용", "NOT_ACCEPTED", "불수용", "LONG_TERM", "장기검토");

    private final JdbcOperations jdbc;

    AssemblyFundingSubjects(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT p.id, p.title, p.cycle_id, c.name, p.response, p.handed_off_at
            FROM assembly_policy_proposal p JOIN assembly_cycle c ON c.id = p.cycle_id""";

    private static SubjectSummary summary(ResultSet rs) throws SQLException {
        String response = rs.getString(5);
        String state = rs.getString(4) + " 채택 · " + (response == null ? "부서 답변 대기" : "부서 답변: "
                + RESPONSES.getOrDefault(response, response));
        return new SubjectSummary(SubjectKind.POLICY_PROPOSAL, rs.getLong(1), rs.getString(2), "/assembly/" + rs.getLong(3),
                state, !"NOT_ACCEPTED".equals(response), null, date(rs.getTimestamp(6)));
    }

    @Override
    public Optional<SubjectSummary> find(SubjectKind kind, long id) {
        if (kind != SubjectKind.POLICY_PROPOSAL) {
            return Optional.empty();
        }
        return jdbc.prepareStatement(SELECT + " WHERE p.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.<SubjectSummary>empty();
            }
        });
    }

    @Override
    public List<SubjectSummary> candidates(SubjectKind kind) {
        if (kind != SubjectKind.POLICY_PROPOSAL) {
            return List.of();
        }
        return jdbc.prepareStatement(SELECT + " WHERE p.response IS NULL OR p.response <> 'NOT_ACCEPTED'"
                + " ORDER BY p.handed_off_at DESC, p.rank_no LIMIT 500", ps -> {
            List<SubjectSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        });
    }

    /** The members who voted on the proposal at the 시민총회. */
    @Override
    public List<Long> participants(SubjectKind kind, long id) {
        if (kind != SubjectKind.POLICY_PROPOSAL) {
            return List.of();
        }
        return jdbc.prepareStatement("""
                SELECT DISTINCT m.account_id FROM assembly_policy_proposal p
                JOIN assembly_plenary_vote v ON v.draft_id = p.draft_id
                JOIN assembly_membership m ON m.id = v.membership_id WHERE p.id = ?""", ps -> {
            ps.setLong(1, id);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    @Override
    public List<TimelineEntry> decisionHistory(SubjectKind kind, long id) {
        if (kind != SubjectKind.POLICY_PROPOSAL) {
            return List.of();
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.KOREA);
        List<TimelineEntry> out = new ArrayList<>();
        jdbc.prepareStatement("""
                SELECT p.cycle_id, c.name, d.forwarded_at, p.yes_votes, p.no_votes, p.abstain_votes, p.yes_share, p.rank_no,
                  p.handed_off_at, p.response, p.response_text, p.responded_at, o.name_ko
                FROM assembly_policy_proposal p JOIN assembly_cycle c ON c.id = p.cycle_id
                JOIN org_unit o ON o.code = p.org_unit_code LEFT JOIN assembly_draft d ON d.id = p.draft_id
                WHERE p.id = ?""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String link = "/assembly/" + rs.getLong(1);
                if (rs.getTimestamp(3) != null) {
                    out.add(new TimelineEntry(date(rs.getTimestamp(3)), "PROPOSAL", rs.getString(2) + " 주제별 회의 제안",
                            "퍼실리테이터가 분임 토의 결과를 시민총회에 올렸습니다.", link));
                }
                BigDecimal share = rs.getBigDecimal(7).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
                out.add(new TimelineEntry(date(rs.getTimestamp(9)), "DECISION", "시민총회 채택 (" + rs.getInt(8) + "위)",
                        "찬성 " + n.format(rs.getInt(4)) + " / 반대 " + n.format(rs.getInt(5)) + " / 기권 " + n.format(rs.getInt(6))
                                + " · 찬성률 " + share.toPlainString() + "% · 담당 " + rs.getString(13), link));
                String response = rs.getString(10);
                if (response != null) {
                    out.add(new TimelineEntry(date(rs.getTimestamp(12)), "DECISION",
                            "부서 답변 (" + rs.getString(13) + "): " + RESPONSES.getOrDefault(response, response),
                            rs.getString(11), link));
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
