package kr.hamkke.budgetlines;

import kr.hamkke.testing.TestDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real winners (and losers) in the other features' tables, written with plain SQL the way their services leave
 * them: a PB project with its published tally line and the 한마당 총회 decision, an answered 민주주의 서울 proposal
 * with supporters, a 서울시민회의 policy proposal.
 */
final class SubjectFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private SubjectFixtures() {
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static long insert(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                ps.setObject(i + 1, a instanceof Instant t ? Timestamp.from(t) : a instanceof LocalDate d ? java.sql.Date.valueOf(d) : a);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    /** A PB project of a past cycle: ADOPTED (winner) or NOT_SELECTED, with tally line and assembly decision. */
    static long pbProject(String title, long costWon, boolean adopted, Long proposerId) throws Exception {
        Instant now = Instant.now();
        try (Connection c = TestDatabase.connect()) {
            String u = unique();
            long cycle = insert(c, "INSERT INTO pb_cycle (name, fiscal_year, template, created_at) VALUES (?,?,?,?)",
                    "시험 주기 " + u, 2019, "LEGACY", now);
            long track = insert(c, """
                    INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, envelope_won) VALUES (?,?,?,?,?,?)""",
                    cycle, "T" + SEQ.incrementAndGet(), "시험 트랙", "Test", "CITY", 10_000_000_000L);
            long id = insert(c, """
                    INSERT INTO pb_project (code, cycle_id, track_id, title, description, category, proposer_id,
                      requested_cost_won, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                    "PB-T-" + u, cycle, track, title, title + " 설명", "안전", proposerId, costWon,
                    adopted ? "ADOPTED" : "NOT_SELECTED", now, now);
            insert(c, """
                    INSERT INTO pb_project_event (project_id, occurred_at, actor_role, action, from_status, to_status) VALUES
                    (?,?,'CITIZEN','submit','DRAFT','SUBMITTED')""", id, Instant.parse("2019-04-01T01:00:00Z"));
            insert(c, """
                    INSERT INTO pb_project_event (project_id, occurred_at, actor_role, action, from_status, to_status) VALUES
                    (?,?,'PANEL_MEMBER','shortlist','FEASIBLE','ON_BALLOT')""", id, Instant.parse("2019-07-20T01:00:00Z"));
            long tally = insert(c, """
                    INSERT INTO pb_tally (track_id, run_no, method, weights, counts, inputs_hash, envelope_won, spent_won,
                      computed_at, published_at) VALUES (?,1,'GREEDY','50/40/10','10/5/1',?,?,?,?,?)""",
                    track, "0".repeat(64), 10_000_000_000L, costWon, Instant.parse("2019-08-25T01:00:00Z"),
                    Instant.parse("2019-08-26T01:00:00Z"));
            insert(c, """
                    INSERT INTO pb_tally_line (tally_id, project_id, votes_citizen, votes_committee, votes_school, score_exact,
                      score_percent, rank_no, funded, excluded, explanation) VALUES (?,?,?,?,?,?,?,?,?,FALSE,?)""",
                    tally, id, 1204, 80, 15, "1/2", "48.2%", adopted ? 2 : 9, adopted,
                    adopted ? "2위, 사업비가 남은 예산 이내라 선정" : "9위, 남은 예산보다 사업비가 커서 미선정");
            insert(c, """
                    INSERT INTO pb_assembly_decision (cycle_id, held_on, attendees, yes_votes, no_votes, abstentions, decision,
                      recorded_at) VALUES (?,?,?,?,?,?,'APPROVED',?)""", cycle, LocalDate.of(2019, 8, 29), 250, 231, 9, 10, now);
            return id;
        }
    }

    /** An ANSWERED proposal with a published department answer (outcome) and the given supporters. */
    static long proposal(String title, String outcome, long authorId, List<TestSupporter> supporters) throws Exception {
        Instant now = Instant.now();
        try (Connection c = TestDatabase.connect()) {
            long id = insert(c, """
                    INSERT INTO proposal (code, title, body, category, author_id, status, search_text, published_at,
                      support_count, review_triggered_at, created_at, updated_at)
                    VALUES (?,?,?,?,?,'ANSWERED',?,?,?,?,?,?)""", "P-T-" + unique(), title, title + " 본문", "WELFARE", authorId,
                    title, Instant.parse("2024-03-02T01:00:00Z"), supporters.size(), Instant.parse("2024-03-20T01:00:00Z"), now, now);
            insert(c, """
                    INSERT INTO department_answer (proposal_id, org_unit, outcome, body, due_at, status, saved_at, published_at)
                    VALUES (?,'CIVIC-SOC',?,?,?,'PUBLISHED',?,?)""", id, outcome, "부서 답변: " + title + "을(를) 추진하겠습니다.",
                    Instant.parse("2024-04-19T01:00:00Z"), Instant.parse("2024-04-10T01:00:00Z"), Instant.parse("2024-04-10T01:00:00Z"));
            for (TestSupporter s : supporters) {
                insert(c, "INSERT INTO proposal_support (proposal_id, identity_hash, account_id, created_at) VALUES (?,?,?,?)",
                        id, s.identityHash(), s.accountId(), now);
            }
            return id;
        }
    }

    record TestSupporter(long accountId, String identityHash) {
    }

    /** A policy proposal adopted by a (historic) 시민총회, with the department's response (null = awaiting). */
    static long policyProposal(String title, String response) throws Exception {
        Instant now = Instant.now();
        try (Connection c = TestDatabase.connect()) {
            long cycle = insert(c, """
                    INSERT INTO assembly_cycle (name, year, seats, reserve_seats, status, quota_csv, created_at)
                    VALUES (?,2021,100,0,'CLOSED','',?)""", "시험 시민회의 " + unique(), now);
            return insert(c, """
                    INSERT INTO assembly_policy_proposal (cycle_id, title, body, yes_votes, no_votes, abstain_votes, yes_share,
                      rank_no, org_unit_code, handed_off_at, response_due, response, response_text, responded_at)
                    VALUES (?,?,?,?,?,?,?,1,'SMART',?,?,?,?,?)""", cycle, title, title + " 본문", 812, 121, 40,
                    new BigDecimal("0.8703"), Instant.parse("2021-11-30T00:00:00Z"), LocalDate.of(2022, 1, 29), response,
                    response == null ? null : "부서 답변 본문입니다.", response == null ? null : Instant.parse("2022-01-14T00:00:00Z"));
        }
    }
}
