package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.assembly.CycleService;
import kr.hamkke.assembly.DeliberationService;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.web.CurrentUser;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

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

/** Collaborative drafts (V33): members-only amendments, one vote each, majority decides, history kept, all audited. */
@MicronautTest(transactional = false)
class AmendmentWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(String email) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(email, TestAccounts.PASSWORD).statusCode());
        b.get("/assembly/me");
        return b;
    }

    private record Setup(long cycle, long draft, List<Browser> members, Browser selectedOnly, Browser facilitator, String original) {
    }

    /** A drawn cycle, three appointed members, one table with a forwarded draft. */
    private Setup setup() throws Exception {
        CycleService cycles = ctx.getBean(CycleService.class);
        DeliberationService deliberation = ctx.getBean(DeliberationService.class);
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        AssemblyFixtures.applicants(ctx, cycle, 12);
        cycles.publishCommitment(Actor.SYSTEM, cycle, CommitReveal.commitment("d"));
        cycles.freeze(Actor.SYSTEM, cycle);
        cycles.draw(Actor.SYSTEM, cycle, "beacon", "d");
        List<String> ids = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        List<Browser> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Browser b = signedIn(string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + ids.get(i)));
            assertEquals(303, b.post("/assembly/memberships/" + ids.get(i) + "/accept", Map.of()).statusCode());
            members.add(b);
        }
        Browser selectedOnly = signedIn(string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + ids.get(3)));
        var fac = TestAccounts.withRole(ctx, Role.FACILITATOR);
        long meeting = deliberation.createMeeting(Actor.SYSTEM, cycle, 1, "제안 다듬기", LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL));
        long table = deliberation.createTable(Actor.SYSTEM, meeting, "1분임", fac.id());
        String original = "버스 정류장에 그늘막을 설치합니다.";
        long draft = deliberation.forwardDraft(new CurrentUser(fac.id(), "fac", List.of("CITIZEN", "FACILITATOR")), table,
                "정류장 그늘막", original, "RECYCLE");
        return new Setup(cycle, draft, members, selectedOnly, signedIn(fac.email()), original);
    }

    private static String newestAmendment(long draft) throws Exception {
        return string("SELECT MAX(id) FROM assembly_amendment WHERE draft_id = " + draft);
    }

    @Test
    void membersAmendTheGroupVotesAcceptedTextReplacesTheDraftWithHistory() throws Exception {
        Setup s = setup();
        String path = "/assembly/drafts/" + s.draft();
        Browser m1 = s.members().get(0);
        Browser m2 = s.members().get(1);
        Browser m3 = s.members().get(2);

        // Members-only: a verified outsider and a not-yet-appointed member are refused, nothing stored.
        Browser outsider = signedIn(TestAccounts.verified(ctx).email());
        assertEquals(403, outsider.get(path).statusCode());
        assertEquals(403, outsider.post(path + "/amendments", Map.of("body", "바꾼 문안", "reason", "이유")).statusCode());
        assertEquals(403, s.selectedOnly().post(path + "/amendments", Map.of("body", "바꾼 문안", "reason", "이유")).statusCode());
        assertEquals(200, m1.get(path).statusCode());

        // Bad input is 422 and stores nothing.
        assertEquals(422, m1.post(path + "/amendments", Map.of("body", "", "reason", "이유")).statusCode());
        assertEquals(422, m1.post(path + "/amendments", Map.of("body", s.original(), "reason", "이유")).statusCode());
        assertEquals(422, m1.post(path + "/amendments", Map.of("body", "바꾼 문안", "reason", " ")).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_amendment WHERE draft_id = " + s.draft()));

        String amended = "버스 정류장과 마을버스 정류장에 그늘막과 온열의자를 설치합니다.";
        assertEquals(303, m1.post(path + "/amendments", Map.of("body", amended, "reason", "마을버스 이용자도 많습니다.")).statusCode());
        String a1 = newestAmendment(s.draft());
        assertEquals(303, m2.post(path + "/amendments", Map.of("body", "정류장 그늘막을 자치구가 관리합니다.", "reason", "관리 주체")).statusCode());
        String a2 = newestAmendment(s.draft());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.amendment.propose' AND subject_id = '" + a1 + "'"));

        // One vote per member; the choice is 찬성 or 반대.
        assertEquals(422, m1.post("/assembly/amendments/" + a1 + "/vote", Map.of("choice", "ABSTAIN")).statusCode());
        assertEquals(303, m1.post("/assembly/amendments/" + a1 + "/vote", Map.of("choice", "YES")).statusCode());
        assertEquals(409, m1.post("/assembly/amendments/" + a1 + "/vote", Map.of("choice", "NO")).statusCode());
        assertEquals(303, m2.post("/assembly/amendments/" + a1 + "/vote", Map.of("choice", "YES")).statusCode());
        assertEquals(303, m3.post("/assembly/amendments/" + a1 + "/vote", Map.of("choice", "NO")).statusCode());
        assertEquals(403, s.selectedOnly().post("/assembly/amendments/" + a1 + "/vote", Map.of("choice", "YES")).statusCode());
        assertEquals(3, count("SELECT COUNT(*) FROM assembly_amendment_vote WHERE amendment_id = " + a1));
        assertEquals(3, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.amendment.vote' AND subject_id = '" + a1 + "'"));

        // Only the table's own facilitator closes the vote.
        assertEquals(403, m1.post("/assembly/amendments/" + a1 + "/close", Map.of()).statusCode());
        Browser otherFacilitator = signedIn(TestAccounts.withRole(ctx, Role.FACILITATOR).email());
        assertEquals(403, otherFacilitator.post("/assembly/amendments/" + a1 + "/close", Map.of()).statusCode());
        assertEquals("OPEN", string("SELECT status FROM assembly_amendment WHERE id = " + a1));

        assertEquals(303, s.facilitator().post("/assembly/amendments/" + a1 + "/close", Map.of()).statusCode());
        assertEquals("ACCEPTED", string("SELECT status FROM assembly_amendment WHERE id = " + a1));
        assertEquals(amended, string("SELECT body FROM assembly_draft WHERE id = " + s.draft()));
        assertEquals("2", string("SELECT revision FROM assembly_draft WHERE id = " + s.draft()));
        assertEquals(List.of(s.original(), amended),
                strings("SELECT body FROM assembly_draft_revision WHERE draft_id = " + s.draft() + " ORDER BY revision"), "history kept");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.amendment.close' AND subject_id = '" + a1
                + "' AND summary LIKE '%status=ACCEPTED%'"));
        assertEquals(409, m3.post("/assembly/amendments/" + a1 + "/vote", Map.of("choice", "YES")).statusCode(), "closed");

        // A2 was written against revision 1: closing it cannot overwrite the accepted text.
        assertEquals(303, m1.post("/assembly/amendments/" + a2 + "/vote", Map.of("choice", "YES")).statusCode());
        assertEquals(303, s.facilitator().post("/assembly/amendments/" + a2 + "/close", Map.of()).statusCode());
        assertEquals("STALE", string("SELECT status FROM assembly_amendment WHERE id = " + a2));
        assertEquals(amended, string("SELECT body FROM assembly_draft WHERE id = " + s.draft()));

        // A majority against (or a tie) rejects and changes nothing.
        assertEquals(303, m3.post(path + "/amendments", Map.of("body", "그늘막 대신 나무를 심습니다.", "reason", "오래 갑니다.")).statusCode());
        String a3 = newestAmendment(s.draft());
        assertEquals(303, m1.post("/assembly/amendments/" + a3 + "/vote", Map.of("choice", "NO")).statusCode());
        assertEquals(303, m3.post("/assembly/amendments/" + a3 + "/vote", Map.of("choice", "YES")).statusCode());
        assertEquals(303, s.facilitator().post("/assembly/amendments/" + a3 + "/close", Map.of()).statusCode());
        assertEquals("REJECTED", string("SELECT status FROM assembly_amendment WHERE id = " + a3));
        assertEquals(amended, string("SELECT body FROM assembly_draft WHERE id = " + s.draft()));

        // Once the plenary opens the draft is frozen, and the plenary ballot shows the amended text.
        AssemblyFixtures.exec("UPDATE assembly_cycle SET status = 'PLENARY' WHERE id = " + s.cycle());
        assertEquals(409, m1.post(path + "/amendments", Map.of("body", "또 바꾼 문안", "reason", "이유")).statusCode());
        assertTrue(new Browser(server.getURI()).get("/assembly/" + s.cycle() + "/plenary").body().contains(amended));
    }

    @Test
    void twoAmendmentsClosedAtOnceNeverBothReplaceTheText() throws Exception {
        Setup s = setup();
        String path = "/assembly/drafts/" + s.draft();
        List<String> amendments = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Browser m = s.members().get(i);
            assertEquals(303, m.post(path + "/amendments", Map.of("body", "동시 수정안 " + i, "reason", "동시성")).statusCode());
            String a = newestAmendment(s.draft());
            amendments.add(a);
            for (Browser voter : s.members()) {
                assertEquals(303, voter.post("/assembly/amendments/" + a + "/vote", Map.of("choice", "YES")).statusCode());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> closes = amendments.stream().<Callable<Integer>>map(a ->
                    () -> s.facilitator().post("/assembly/amendments/" + a + "/close", Map.of()).statusCode()).toList();
            for (Future<Integer> f : pool.invokeAll(closes)) {
                assertEquals(303, f.get());
            }
        } finally {
            pool.shutdown();
        }
        List<String> statuses = strings("SELECT status FROM assembly_amendment WHERE draft_id = " + s.draft() + " ORDER BY status");
        assertEquals(List.of("ACCEPTED", "STALE"), statuses);
        assertEquals("2", string("SELECT revision FROM assembly_draft WHERE id = " + s.draft()));
        assertEquals(2, count("SELECT COUNT(*) FROM assembly_draft_revision WHERE draft_id = " + s.draft()));
    }
}
