package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.assembly.Cycle;
import kr.hamkke.assembly.CycleService;
import kr.hamkke.assembly.DeliberationService;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static kr.hamkke.assembly.web.AssemblyFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class DeliberationAndPlenaryWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(String email) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(email, TestAccounts.PASSWORD).statusCode());
        return b;
    }

    @Test
    void membersOnlyThreadsPlenaryQuorumOneVotePerMemberAndResponses() throws Exception {
        CycleService cycles = ctx.getBean(CycleService.class);
        DeliberationService deliberation = ctx.getBean(DeliberationService.class);
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        AssemblyFixtures.applicants(ctx, cycle, 16);
        cycles.publishCommitment(Actor.SYSTEM, cycle, CommitReveal.commitment("s"));
        cycles.freeze(Actor.SYSTEM, cycle);
        cycles.draw(Actor.SYSTEM, cycle, "beacon", "s");

        // every selected member accepts and completes pre-learning through the member page
        List<String> ids = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        assertEquals(6, ids.size());
        List<Browser> members = new ArrayList<>();
        for (String id : ids) {
            Browser m = signedIn(string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + id));
            m.get("/assembly/me");
            assertEquals(303, m.post("/assembly/memberships/" + id + "/accept", Map.of()).statusCode());
            assertEquals(303, m.post("/assembly/memberships/" + id + "/pre-learning", Map.of()).statusCode());
            members.add(m);
        }
        for (int i = 0; i < 4; i++) {
            cycles.advance(Actor.SYSTEM, cycle, null); // DRAWN → … → MEETING_3
        }
        assertEquals("MEETING_3", string("SELECT status FROM assembly_cycle WHERE id = " + cycle));

        var facilitator = TestAccounts.withRole(ctx, Role.FACILITATOR);
        long meeting = deliberation.createMeeting(Actor.SYSTEM, cycle, 3, "기후위기 대응", LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL));
        long table = deliberation.createTable(Actor.SYSTEM, meeting, "1분임", facilitator.id());

        // members-only: a member reads and posts, an outsider (even ADMIN) is refused
        Browser member = members.get(0);
        assertEquals(200, member.get("/assembly/tables/" + table).statusCode());
        assertEquals(303, member.post("/assembly/tables/" + table + "/posts", Map.of("stance", "PRO", "body", "버스 전용차로를 늘립시다")).statusCode());
        Browser outsider = signedIn(TestAccounts.verified(ctx).email());
        assertEquals(403, outsider.get("/assembly/tables/" + table).statusCode());
        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());
        assertEquals(403, admin.get("/assembly/tables/" + table).statusCode());
        outsider.get("/assembly");
        assertEquals(403, outsider.post("/assembly/tables/" + table + "/posts", Map.of("stance", "PRO", "body", "끼어들기")).statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM assembly_post WHERE table_id = " + table));

        // the facilitator reads the thread and forwards four drafts
        Browser fac = signedIn(facilitator.email());
        HttpResponse<String> thread = fac.get("/assembly/tables/" + table);
        assertEquals(200, thread.statusCode());
        assertTrue(thread.body().contains("버스 전용차로를 늘립시다"));
        List<String> drafts = new ArrayList<>();
        for (String t : List.of("A", "B", "C", "D")) {
            assertEquals(303, fac.post("/assembly/tables/" + table + "/drafts", Map.of("title", "제안 " + t,
                    "body", "제안 " + t + "의 내용", "orgUnit", "RECYCLE")).statusCode());
            drafts.add(string("SELECT MAX(id) FROM assembly_draft WHERE table_id = " + table));
        }
        // members may not forward drafts
        assertEquals(403, member.post("/assembly/tables/" + table + "/drafts", Map.of("title", "x", "body", "y", "orgUnit", "RECYCLE")).statusCode());

        admin.get("/staff/assembly/" + cycle);
        assertEquals(303, admin.post("/staff/assembly/meetings/" + meeting + "/summary", Map.of("reason", "분임 토론에서 네 가지 제안을 모았습니다.")).statusCode());
        assertTrue(new Browser(server.getURI()).get("/assembly/" + cycle).body().contains("분임 토론에서 네 가지 제안을 모았습니다."), "summaries are public");

        cycles.advance(Actor.SYSTEM, cycle, Cycle.Status.MEETING_3);
        assertEquals("PLENARY", string("SELECT status FROM assembly_cycle WHERE id = " + cycle));

        // A: 3 yes of 6 active → turnout 50%, adopted. B: 2 yes → turnout 33%, not adopted. C: 1 yes 2 no → no majority.
        vote(members.get(0), drafts.get(0), "YES");
        vote(members.get(1), drafts.get(0), "YES");
        vote(members.get(2), drafts.get(0), "YES");
        vote(members.get(0), drafts.get(1), "YES");
        vote(members.get(1), drafts.get(1), "YES");
        vote(members.get(0), drafts.get(2), "YES");
        vote(members.get(1), drafts.get(2), "NO");
        vote(members.get(2), drafts.get(2), "NO");
        // D: 4 yes, 1 abstain → adopted with a higher YES share order than A? both 100% → more YES ranks first
        for (int i = 0; i < 4; i++) {
            vote(members.get(i), drafts.get(3), "YES");
        }
        vote(members.get(4), drafts.get(3), "ABSTAIN");

        // one vote per member under concurrent attempts
        Browser last = members.get(5);
        last.get("/assembly/" + cycle + "/plenary");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String choice = i % 2 == 0 ? "NO" : "YES";
            attempts.add(() -> last.post("/assembly/plenary/" + drafts.get(1) + "/vote", Map.of("choice", choice)).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(attempts)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        String lastMembership = string("SELECT id FROM assembly_membership WHERE id = " + ids.get(5));
        assertEquals(1, count("SELECT COUNT(*) FROM assembly_plenary_vote WHERE draft_id = " + drafts.get(1) + " AND membership_id = " + lastMembership));
        // B now has 3 of 6 → if that vote was YES it reaches quorum with majority; NO gives 2 yes vs 1 no, also adopted.

        // outsiders cannot vote
        outsider.get("/assembly/" + cycle + "/plenary");
        assertEquals(403, outsider.post("/assembly/plenary/" + drafts.get(0) + "/vote", Map.of("choice", "YES")).statusCode());

        admin.get("/staff/assembly/" + cycle);
        assertEquals(303, admin.post("/staff/assembly/" + cycle + "/plenary/close", Map.of()).statusCode());
        assertEquals("HANDED_OFF", string("SELECT status FROM assembly_cycle WHERE id = " + cycle));
        List<String> adopted = strings("SELECT title FROM assembly_policy_proposal WHERE cycle_id = " + cycle + " ORDER BY rank_no");
        assertTrue(adopted.contains("제안 A"), adopted.toString());
        assertTrue(!adopted.contains("제안 C"), "no majority");
        assertEquals("제안 D", adopted.get(0), "ranked by YES share, then YES count");
        assertEquals("RECYCLE", string("SELECT org_unit_code FROM assembly_policy_proposal WHERE cycle_id = " + cycle + " AND title = '제안 A'"));
        assertEquals(LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL).plusDays(60).toString(),
                string("SELECT response_due FROM assembly_policy_proposal WHERE cycle_id = " + cycle + " AND title = '제안 A'"));

        // the reviewer of RECYCLE responds; another unit's reviewer may not
        String proposal = string("SELECT id FROM assembly_policy_proposal WHERE cycle_id = " + cycle + " AND title = '제안 A'");
        Browser other = signedIn(TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", "MAYOR").email());
        other.get("/assembly/responses");
        assertEquals(403, other.post("/assembly/proposals/" + proposal + "/respond", Map.of("response", "ACCEPTED",
                "text", "시장실에서 답변할 수 없는 제안입니다만 시도합니다.")).statusCode());
        Browser reviewer = signedIn(TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", "RECYCLE").email());
        assertTrue(reviewer.get("/assembly/responses").body().contains("제안 A"));
        assertEquals(422, reviewer.post("/assembly/proposals/" + proposal + "/respond", Map.of("response", "PARTIAL", "text", "짧음")).statusCode());
        assertEquals(303, reviewer.post("/assembly/proposals/" + proposal + "/respond", Map.of("response", "PARTIAL",
                "text", "2027년 예산에 시범사업으로 일부 반영하겠습니다.")).statusCode());
        assertEquals("PARTIAL", string("SELECT response FROM assembly_policy_proposal WHERE id = " + proposal));
        HttpResponse<String> publicPage = new Browser(server.getURI()).get("/assembly/" + cycle);
        assertTrue(publicPage.body().contains("2027년 예산에 시범사업으로 일부 반영하겠습니다."));

        // an unanswered proposal past its due date is flagged on the public page
        AssemblyFixtures.exec("UPDATE assembly_policy_proposal SET response_due = DATE_SUB(CURDATE(), INTERVAL 1 DAY) WHERE cycle_id = "
                + cycle + " AND response IS NULL");
        assertTrue(new Browser(server.getURI()).get("/assembly/" + cycle).body().contains("답변 기한 지남"));
        assertTrue(new Browser(server.getURI()).get("/assembly").body().contains("답변 기한 지남"));

        for (String action : List.of("assembly.plenary.vote", "assembly.plenary.close", "assembly.draft.forward", "assembly.proposal.respond",
                "assembly.post", "assembly.member.pre-learning")) {
            assertTrue(count("SELECT COUNT(*) FROM audit_event WHERE action = '" + action + "'") > 0, action);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.plenary.vote' AND (summary LIKE '%YES%' OR summary LIKE '%NO%')"),
                "the audit log never records a choice");
    }

    @Test
    void belowHalfTurnoutIsNotAdopted() throws Exception {
        CycleService cycles = ctx.getBean(CycleService.class);
        DeliberationService deliberation = ctx.getBean(DeliberationService.class);
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        AssemblyFixtures.applicants(ctx, cycle, 12);
        cycles.publishCommitment(Actor.SYSTEM, cycle, CommitReveal.commitment("q"));
        cycles.freeze(Actor.SYSTEM, cycle);
        cycles.draw(Actor.SYSTEM, cycle, "beacon", "q");
        AssemblyFixtures.exec("UPDATE assembly_membership SET status = 'ACTIVE' WHERE cycle_id = " + cycle + " AND status = 'SELECTED'");
        var facilitator = TestAccounts.withRole(ctx, Role.FACILITATOR);
        long meeting = deliberation.createMeeting(Actor.SYSTEM, cycle, 1, "회의", LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL));
        long table = deliberation.createTable(Actor.SYSTEM, meeting, "1분임", facilitator.id());
        Browser fac = signedIn(facilitator.email());
        fac.get("/assembly/tables/" + table);
        fac.post("/assembly/tables/" + table + "/drafts", Map.of("title", "소수 찬성", "body", "내용", "orgUnit", "CIVIC-PART"));
        String draft = string("SELECT MAX(id) FROM assembly_draft WHERE table_id = " + table);
        AssemblyFixtures.exec("UPDATE assembly_cycle SET status = 'PLENARY' WHERE id = " + cycle);
        List<String> emails = strings("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.cycle_id = "
                + cycle + " AND m.status = 'ACTIVE' ORDER BY m.id");
        for (int i = 0; i < 2; i++) { // 2 of 6 = 33% turnout, all YES
            vote(signedIn(emails.get(i)), draft, "YES");
        }
        var results = deliberation.closePlenary(Actor.SYSTEM, cycle);
        assertEquals(1, results.size());
        assertTrue(results.get(0).outcome().majority());
        assertTrue(!results.get(0).outcome().quorum());
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_policy_proposal WHERE cycle_id = " + cycle));
    }

    private static void vote(Browser b, String draft, String choice) {
        b.get("/assembly");
        HttpResponse<String> r = b.post("/assembly/plenary/" + draft + "/vote", Map.of("choice", choice));
        assertEquals(303, r.statusCode(), r.body());
    }
}
