package kr.hamkke.proposals;

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
 * 민주주의 서울 proposals as budget-line subjects (DOMAIN §4.2: "ANSWERED(ACCEPTED|PARTIAL) ─link to a budget
 * line─▶ timeline entries"). A proposal is a winner when its department answer is published as 수용 or 일부수용.
 * History: publication and 공감, review, 우수제안 pick, forum, department answer, mayor's answer. Read-only SQL.
 */
@Singleton
@Transactional
public class ProposalFundingSubjects implements FundingSubjects {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final List<String> ACCEPTING = List.of("ACCEPTED", "PARTIALLY_ACCEPTED");
    private static final Map<String, String> OUTCOMES = Map.of(
            "ACCEPTED", "수용", "PARTIALLY_ACCEPTED", "일부수용", "NOT_ACCEPTED", "불수용",
            "ALREADY_IN_PLACE", "기시행", "LONG_TERM_REVIEW", "장기검토");
    private static final Map<String, String> STATES = Map.of(
            "PUBLISHED", "공감 모집", "UNDER_REVIEW", "부서 검토", "ANSWERED", "답변 완료", "CLOSED", "마감",
            "WITHDRAWN", "철회", "HIDDEN", "숨김", "MERGED", "병합");
    /** Public states only: drafts and submitted-but-unpublished proposals are never subjects. */
    private static final String PUBLIC = "p.status IN ('PUBLISHED','UNDER_REVIEW','ANSWERED','CLOSED','WITHDRAWN','MERGED')";

    private final JdbcOperations jdbc;

    ProposalFundingSubjects(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT p.id, p.code, p.title, p.status, a.outcome, a.published_at
            FROM proposal p LEFT JOIN department_answer a ON a.proposal_id = p.id AND a.status = 'PUBLISHED'""";

    private static SubjectSummary summary(ResultSet rs) throws SQLException {
        String outcome = rs.getString(5);
        String status = rs.getString(4);
        String state = outcome != null ? "부서 답변: " + OUTCOMES.getOrDefault(outcome, outcome) : STATES.getOrDefault(status, status);
        String code = rs.getString(2);
        return new SubjectSummary(SubjectKind.PROPOSAL, rs.getLong(1), rs.getString(3), "/proposals/" + rs.getLong(1),
                (code == null ? "" : code + " · ") + state, "ANSWERED".equals(status) && ACCEPTING.contains(outcome), null,
                date(rs.getTimestamp(6)));
    }

    @Override
    public Optional<SubjectSummary> find(SubjectKind kind, long id) {
        if (kind != SubjectKind.PROPOSAL) {
            return Optional.empty();
        }
        return jdbc.prepareStatement(SELECT + " WHERE p.id = ? AND " + PUBLIC, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.<SubjectSummary>empty();
            }
        });
    }

    @Override
    public List<SubjectSummary> candidates(SubjectKind kind) {
        if (kind != SubjectKind.PROPOSAL) {
            return List.of();
        }
        return jdbc.prepareStatement(SELECT + " WHERE p.status = 'ANSWERED' AND a.outcome IN ('ACCEPTED','PARTIALLY_ACCEPTED')"
                + " ORDER BY a.published_at DESC, p.id DESC LIMIT 500", ps -> {
            List<SubjectSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        });
    }

    /** The proposer and everyone who supported (공감) the proposal. */
    @Override
    public List<Long> participants(SubjectKind kind, long id) {
        if (kind != SubjectKind.PROPOSAL) {
            return List.of();
        }
        return jdbc.prepareStatement("""
                SELECT author_id FROM proposal WHERE id = ?
                UNION SELECT account_id FROM proposal_support WHERE proposal_id = ?""", ps -> {
            ps.setLong(1, id);
            ps.setLong(2, id);
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
        if (kind != SubjectKind.PROPOSAL || find(kind, id).isEmpty()) {
            return List.of();
        }
        String link = "/proposals/" + id;
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.KOREA);
        List<TimelineEntry> out = new ArrayList<>();
        jdbc.prepareStatement("""
                SELECT published_at, support_count, review_triggered_at, agenda_pick, code FROM proposal WHERE id = ?""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getTimestamp(1) != null) {
                        out.add(new TimelineEntry(date(rs.getTimestamp(1)), "PROPOSAL", "민주주의 서울 제안 공개",
                                (rs.getString(5) == null ? "" : rs.getString(5) + " · ") + "공감 " + n.format(rs.getInt(2)) + "명", link));
                    }
                    if (rs.getTimestamp(3) != null) {
                        out.add(new TimelineEntry(date(rs.getTimestamp(3)), "DELIBERATION",
                                rs.getBoolean(4) ? "우수제안 선정 → 부서 검토" : "공감 기준 달성 → 부서 검토", null, link));
                    }
                }
            }
            return null;
        });
        jdbc.prepareStatement("""
                SELECT f.opens_at, f.closes_at, f.status, f.participant_count, f.pro_count, f.con_count, f.neutral_count, f.title,
                  m.published_at, m.body
                FROM forum f LEFT JOIN mayor_answer m ON m.forum_id = f.id WHERE f.proposal_id = ?""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    boolean open = "OPEN".equals(rs.getString(3));
                    out.add(new TimelineEntry(date(rs.getTimestamp(open ? 1 : 2)), "DELIBERATION",
                            (open ? "시민토론 진행 중: " : "시민토론 마감: ") + rs.getString(8),
                            "참여 " + n.format(rs.getInt(4)) + "명 · 찬성 " + n.format(rs.getInt(5)) + " / 반대 "
                                    + n.format(rs.getInt(6)) + " / 중립 " + n.format(rs.getInt(7)), link));
                    if (rs.getTimestamp(9) != null) {
                        out.add(new TimelineEntry(date(rs.getTimestamp(9)), "DECISION", "시장 답변", rs.getString(10), link));
                    }
                }
            }
            return null;
        });
        jdbc.prepareStatement("""
                SELECT a.published_at, a.outcome, a.body, o.name_ko FROM department_answer a JOIN org_unit o ON o.code = a.org_unit
                WHERE a.proposal_id = ? AND a.status = 'PUBLISHED'""", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out.add(new TimelineEntry(date(rs.getTimestamp(1)), "DECISION",
                            "부서 답변 (" + rs.getString(4) + "): " + OUTCOMES.getOrDefault(rs.getString(2), rs.getString(2)),
                            rs.getString(3), link));
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
