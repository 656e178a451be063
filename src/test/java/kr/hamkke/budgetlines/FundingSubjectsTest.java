package kr.hamkke.budgetlines;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kr.hamkke.budgetlines.BudgetApiSupport.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real winners from budgeting, proposals and assembly: picked by staff, refused when not winners, on the timeline. */
@MicronautTest(transactional = false)
class FundingSubjectsTest {

    private static final Actor STAFF = new Actor(null, "BUDGET_STAFF");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    BudgetLineService service;

    private BudgetLine line(int year, String name, long won) {
        return service.create(STAFF, new LineInput(year, "시민협력국", "시민숙의예산과", name, null, "PROGRAM", won, won, 0L,
                null, null, true, null, "CONFIRMED", null, null, true));
    }

    @Test
    void candidatesAreTheWinnersOfEachFeatureOnly() throws Exception {
        long author = TestAccounts.verified(ctx).id();
        long pbWin = SubjectFixtures.pbProject("후보 시험 총회 승인 사업", 30_000_000L, true, author);
        long pbLose = SubjectFixtures.pbProject("후보 시험 미선정 사업", 30_000_000L, false, author);
        long accepted = SubjectFixtures.proposal("후보 시험 수용 제안", "PARTIALLY_ACCEPTED", author, List.of());
        long refused = SubjectFixtures.proposal("후보 시험 불수용 제안", "NOT_ACCEPTED", author, List.of());
        long adopted = SubjectFixtures.policyProposal("후보 시험 채택 정책제안", null);
        long rejected = SubjectFixtures.policyProposal("후보 시험 불수용 정책제안", "NOT_ACCEPTED");

        List<String> keys = service.candidates().stream().map(c -> c.kind() + ":" + c.id()).toList();
        assertTrue(keys.contains("PB_PROJECT:" + pbWin), keys::toString);
        assertTrue(keys.contains("PROPOSAL:" + accepted), keys::toString);
        assertTrue(keys.contains("POLICY_PROPOSAL:" + adopted), keys::toString);
        assertFalse(keys.contains("PB_PROJECT:" + pbLose), keys::toString);
        assertFalse(keys.contains("PROPOSAL:" + refused), keys::toString);
        assertFalse(keys.contains("POLICY_PROPOSAL:" + rejected), keys::toString);

        var pb = service.summary(SubjectKind.PB_PROJECT, pbWin).orElseThrow();
        assertEquals("후보 시험 총회 승인 사업", pb.title());
        assertEquals(30_000_000L, pb.decidedWon());
        assertEquals("/budgeting/projects/" + pbWin, pb.publicUrl());
        assertTrue(service.summary(SubjectKind.PROPOSAL, pbWin).isEmpty() || service.summary(SubjectKind.PROPOSAL, pbWin)
                .get().kind() == SubjectKind.PROPOSAL, "each bean answers only for its kind");
    }

    /** Staff convert a PB winner picked from the list (no typed title) into a new line; the timeline shows the vote. */
    @Test
    void staffPickAWinnerAndCitizensSeeTheVoteResultOnTheTimeline() throws Exception {
        BudgetApiSupport.User staff = BudgetApiSupport.user(ctx, server.getURI(), Role.BUDGET_STAFF);
        long author = TestAccounts.verified(ctx).id();
        long project = SubjectFixtures.pbProject("선택 시험 안심 귀갓길 조성", 80_000_000L, true, author);
        HttpResponse<String> form = staff.browser().get("/staff/budget-lines/new");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("value=\"PB_PROJECT:" + project + "\""), "the winner is offered in the picker");

        HttpResponse<String> created = staff.browser().post("/staff/budget-lines", Map.ofEntries(
                Map.entry("fiscalYear", "2020"), Map.entry("bureau", "시민협력국"), Map.entry("division", "시민숙의예산과"),
                Map.entry("programName", "선택 시험 안심 귀갓길 조성 사업"), Map.entry("original", "100,000"),
                Map.entry("carriedOver", "0"), Map.entry("status", "CONFIRMED"), Map.entry("published", "yes"),
                Map.entry("subject", "PB_PROJECT:" + project), Map.entry("linkAmount", "80,000"),
                Map.entry("note", "총회 승인 사업을 예산 사업으로 전환")));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals("선택 시험 안심 귀갓길 조성", kr.hamkke.testing.TestDatabase.queryString(
                "SELECT subject_title FROM funding WHERE subject_kind = 'PB_PROJECT' AND subject_id = " + project),
                "the title comes from the budgeting feature, not from the form");

        HttpResponse<String> timeline = new Browser(server.getURI()).get("/accountability/pb-project/" + project);
        assertEquals(200, timeline.statusCode());
        String t = timeline.body();
        assertTrue(t.contains("시민투표 결과: 선정") && t.contains("48.2%") && t.contains("한마당 총회: 승인"), t);
        assertFalse(t.contains("결정 과정(제안·토론·투표)은 기록이 없고"), "not the budget-only notice");
        int proposal = t.indexOf("data-stage=\"PROPOSAL\"");
        int decision = t.indexOf("data-stage=\"DECISION\"");
        int budget = t.indexOf("data-stage=\"BUDGET\"");
        assertTrue(proposal > 0 && proposal < decision && decision < budget, "proposal → decision → budget");
        assertTrue(t.contains("data-figure=\"decided\"") && t.contains("80,000"), t);

        // and the project's own page leads to this timeline, so a citizen can start from the vote
        HttpResponse<String> projectPage = new Browser(server.getURI()).get("/budgeting/projects/" + project);
        assertEquals(200, projectPage.statusCode());
        assertTrue(projectPage.body().contains("href=\"/accountability/pb-project/" + project + "\""), "project → money");

        // the API timeline carries the same history
        HttpResponse<String> api = new Browser(server.getURI()).json("GET", "/api/accountability/pb-project/" + project, null, null);
        assertEquals(200, api.statusCode(), api.body());
        assertTrue(api.body().contains("시민투표 결과"), api.body());
    }

    @Test
    void anAcceptedProposalLinksToItsMoneyAndARefusedOneDoesNot() throws Exception {
        long author = TestAccounts.verified(ctx).id();
        long accepted = SubjectFixtures.proposal("링크 시험 수용 제안", "ACCEPTED", author, List.of());
        long refused = SubjectFixtures.proposal("링크 시험 불수용 제안", "NOT_ACCEPTED", author, List.of());
        var visitor = new Browser(server.getURI());
        assertTrue(visitor.get("/proposals/" + accepted).body().contains("href=\"/accountability/proposal/" + accepted + "\""));
        assertFalse(visitor.get("/proposals/" + refused).body().contains("/accountability/proposal/"));

        long answered = SubjectFixtures.policyProposal("링크 시험 수용 정책제안", "ACCEPTED");
        long cycle = kr.hamkke.testing.TestDatabase.queryLong("SELECT cycle_id FROM assembly_policy_proposal WHERE id = " + answered);
        HttpResponse<String> cyclePage = visitor.get("/assembly/" + cycle);
        assertEquals(200, cyclePage.statusCode());
        assertTrue(cyclePage.body().contains("href=\"/accountability/policy-proposal/" + answered + "\""), "policy proposal → money");
    }

    @Test
    void aKnownSubjectThatDidNotWinCannotBeLinkedAndNothingChanges() throws Exception {
        BudgetApiSupport.User staff = BudgetApiSupport.user(ctx, server.getURI(), Role.BUDGET_STAFF);
        long loser = SubjectFixtures.pbProject("미선정 시험 사업", 10_000_000L, false, null);
        BudgetLine l = line(2033, "미선정 연결 시험 사업", 50_000_000L);
        long before = count("SELECT COUNT(*) FROM funding");
        HttpResponse<String> r = staff.browser().json("POST", "/api/budget-lines/" + l.id() + "/links",
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":" + loser + ",\"amountWon\":10000000,\"note\":\"미선정 사업 연결 시도\"}",
                staff.token());
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("budget.subject-not-winner"), r.body());
        HttpResponse<String> notFunded = staff.browser().json("POST", "/api/funding/not-funded",
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":" + loser + ",\"reasonCode\":\"INFEASIBLE\","
                        + "\"publicReason\":\"미선정 사업에는 예산 결정을 기록하지 않습니다. 시험 문장입니다.\",\"note\":\"미선정 시도\"}",
                staff.token());
        assertEquals(422, notFunded.statusCode(), notFunded.body());
        assertEquals(before, count("SELECT COUNT(*) FROM funding"));
    }

    /** Lines together may not give a project more than citizens decided, even when links race on two lines. */
    @Test
    void linksOnDifferentLinesNeverExceedTheDecidedCostUnderConcurrency() throws Exception {
        long project = SubjectFixtures.pbProject("분할 시험 사업", 50_000_000L, true, null);
        BudgetLine a = line(2034, "분할 시험 사업 가", 100_000_000L);
        BudgetLine b = line(2034, "분할 시험 사업 나", 100_000_000L);
        int attempts = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            long lineId = i % 2 == 0 ? a.id() : b.id();
            results.add(pool.submit(() -> {
                start.await();
                try {
                    service.link(STAFF, lineId, new LinkInput("PB_PROJECT", project, null, "FUNDED", 10_000_000L, null, null,
                            "분할 연결 동시성 시험"));
                    return true;
                } catch (DomainException e) {
                    assertEquals("budget.subject-over-decided", e.code());
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(5, ok, "50,000천원 decided / 10,000천원 per link");
        assertEquals(50_000_000L, count("SELECT SUM(amount_won) FROM funding WHERE subject_kind = 'PB_PROJECT' AND subject_id = " + project));
        DomainException more = assertThrows(DomainException.class, () -> service.link(STAFF, a.id(),
                new LinkInput("PB_PROJECT", project, null, "FUNDED", 1_000L, null, null, "초과 연결 시도")));
        assertEquals("budget.subject-over-decided", more.code());
    }

    /** A FUNDED (or REDUCED) decision always carries an amount on a line: the service and the database refuse otherwise. */
    @Test
    void aFundedSubjectAlwaysHasALinkedAmount() throws Exception {
        BudgetApiSupport.User staff = BudgetApiSupport.user(ctx, server.getURI(), Role.BUDGET_STAFF);
        long project = SubjectFixtures.pbProject("금액 없는 반영 시험 사업", 20_000_000L, true, null);
        BudgetLine l = line(2036, "금액 없는 반영 시험 사업", 20_000_000L);
        String path = "/api/budget-lines/" + l.id() + "/links";
        for (String body : List.of(
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":" + project + ",\"note\":\"금액 없이 반영\"}",
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":" + project + ",\"amountWon\":0,\"note\":\"0원 반영\"}",
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":" + project + ",\"outcome\":\"NOT_FUNDED\",\"amountWon\":1000,\"note\":\"선 위 미반영\"}",
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":" + project + ",\"outcome\":\"REDUCED\",\"amountWon\":1000,\"note\":\"사유 없는 감액\"}")) {
            HttpResponse<String> r = staff.browser().json("POST", path, body, staff.token());
            assertEquals(422, r.statusCode(), body + " → " + r.body());
        }
        assertEquals(0, count("SELECT COUNT(*) FROM funding WHERE subject_kind = 'PB_PROJECT' AND subject_id = " + project));
        // the table's CHECK is the last guard: FUNDED without a line or with 0 원 cannot be stored
        try (var c = kr.hamkke.testing.TestDatabase.connect(); var st = c.createStatement()) {
            String insert = "INSERT INTO funding (budget_line_id, subject_kind, subject_id, subject_title, outcome, amount_won, "
                    + "note, created_at) VALUES (%s, 'PB_PROJECT', " + project + ", '직접 입력', 'FUNDED', %d, '직접', NOW())";
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate(String.format(insert, "NULL", 1_000_000L)));
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate(String.format(insert, String.valueOf(l.id()), 0L)));
        }
    }

    /** 미반영 and 삭감 need a public reason and reach the proposer and the supporters (notification + e-mail). */
    @Test
    void notFundedAndCutNotifyTheRealParticipants() throws Exception {
        BudgetApiSupport.User staff = BudgetApiSupport.user(ctx, server.getURI(), Role.BUDGET_STAFF);
        TestAccounts.TestAccount author = TestAccounts.verified(ctx);
        TestAccounts.TestAccount s1 = TestAccounts.verified(ctx);
        TestAccounts.TestAccount s2 = TestAccounts.verified(ctx);
        long proposal = SubjectFixtures.proposal("알림 시험 수용 제안", "ACCEPTED", author.id(),
                List.of(new SubjectFixtures.TestSupporter(s1.id(), s1.identityHash()),
                        new SubjectFixtures.TestSupporter(s2.id(), s2.identityHash())));
        String accounts = author.id() + "," + s1.id() + "," + s2.id();

        HttpResponse<String> noReason = staff.browser().json("POST", "/api/funding/not-funded",
                "{\"subjectKind\":\"PROPOSAL\",\"subjectId\":" + proposal + ",\"note\":\"예산 미반영 결정\"}", staff.token());
        assertEquals(422, noReason.statusCode(), noReason.body());
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE account_id IN (" + accounts + ")"));

        HttpResponse<String> decided = staff.browser().json("POST", "/api/funding/not-funded",
                "{\"subjectKind\":\"PROPOSAL\",\"subjectId\":" + proposal + ",\"reasonCode\":\"INFEASIBLE\","
                        + "\"publicReason\":\"관련 법령 개정 전에는 시 예산으로 지원할 수 없어 이번 회계연도에는 반영하지 않습니다.\","
                        + "\"note\":\"예산 미반영 결정\"}", staff.token());
        assertEquals(201, decided.statusCode(), decided.body());
        assertEquals(3, count("SELECT COUNT(*) FROM notification WHERE account_id IN (" + accounts + ") AND link = "
                + "'/accountability/proposal/" + proposal + "' AND message LIKE '%관련 법령 개정 전에는%'"));
        assertEquals(3, count("SELECT COUNT(*) FROM mail_outbox WHERE body LIKE '%/accountability/proposal/" + proposal + "%'"));

        // a council cut on a line that funds a PB winner reaches its proposer
        TestAccounts.TestAccount proposer = TestAccounts.verified(ctx);
        long project = SubjectFixtures.pbProject("삭감 알림 시험 사업", 40_000_000L, true, proposer.id());
        BudgetLine l = line(2035, "삭감 알림 시험 사업", 40_000_000L);
        service.link(STAFF, l.id(), new LinkInput("PB_PROJECT", project, null, "FUNDED", 40_000_000L, null, null, "총회 승인 사업"));
        HttpResponse<String> cut = staff.browser().json("PUT", "/api/budget-lines/" + l.id(),
                "{\"status\":\"CUT\",\"reasonCode\":\"CUT\",\"reason\":\"시의회 예산 심사에서 유사 사업과 통합되어 전액 삭감되었습니다.\"}",
                staff.token());
        assertEquals(200, cut.statusCode(), cut.body());
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE account_id = " + proposer.id()
                + " AND message LIKE '%삭감%유사 사업과 통합%'"));
        String t = new Browser(server.getURI()).get("/accountability/pb-project/" + project).body();
        assertTrue(t.contains("유사 사업과 통합되어 전액 삭감"), t);

        // the cut money no longer counts: the winner can be funded from another line (e.g. 추경) ...
        BudgetLine other = line(2035, "삭감 후 추경 시험 사업", 40_000_000L);
        service.link(STAFF, other.id(), new LinkInput("PB_PROJECT", project, null, "FUNDED", 40_000_000L, null, null, "추경 반영"));
        // ... and reopening the cut line would then give it more than decided: 409, the line stays cut
        HttpResponse<String> reopen = staff.browser().json("PUT", "/api/budget-lines/" + l.id(), "{\"status\":\"CONFIRMED\"}",
                staff.token());
        assertEquals(409, reopen.statusCode(), reopen.body());
        assertEquals("CUT", kr.hamkke.testing.TestDatabase.queryString("SELECT status FROM budget_line WHERE id = " + l.id()));
        assertEquals(40_000_000L, count("SELECT linked_won FROM funding_subject_total WHERE subject_kind = 'PB_PROJECT' AND subject_id = " + project));
    }

}
