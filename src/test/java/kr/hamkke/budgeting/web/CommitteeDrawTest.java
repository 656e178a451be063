package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.assembly.sortition.DrawResult;
import kr.hamkke.assembly.sortition.Pool;
import kr.hamkke.assembly.sortition.SortitionEngine;
import kr.hamkke.budgeting.service.CommitteeDraws;
import kr.hamkke.budgeting.service.CommitteeQuotas;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

/** 참여예산위원회 drawn with the sortition engine: commit–reveal, quotas met, reproducible, role granted per cycle. */
@MicronautTest(transactional = false)
class CommitteeDrawTest {

    private static final String SECRET = "pb committee test secret";
    private static final String BEACON = "2026-11-21 #1199: 3,11,19,24,36,41 +7";
    private static final String[] GUS = {"11110", "11140", "11440"};

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    Browser signedIn(TestAccounts.TestAccount a) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(a.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    @Test
    void staffDrawAReproducibleCommitteeThatMeetsItsQuotas() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        CommitteeDraws draws = ctx.getBean(CommitteeDraws.class);
        Browser staff = signedIn(TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", ""));
        String base = "/budgeting/staff/cycles/" + cycle + "/committee";
        assertEquals(409, staff.post(base + "/draw", draw(SECRET, 6, 2)).statusCode(), "no draw before a commitment");

        // Applications: the first over HTTP (twice: 409), the rest through the service.
        List<TestAccounts.TestAccount> people = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            people.add(TestAccounts.verified(ctx, LocalDate.of(1960 + i, 3, 3), GUS[i % 3]));
        }
        Browser first = signedIn(people.get(0));
        assertEquals(303, first.post("/budgeting/cycles/" + cycle + "/committee/apply", Map.of()).statusCode());
        assertEquals(409, first.post("/budgeting/cycles/" + cycle + "/committee/apply", Map.of()).statusCode(), "once per person");
        for (int i = 1; i < people.size(); i++) {
            draws.apply(people.get(i).id(), cycle);
        }
        Browser unverified = signedIn(TestAccounts.citizen(ctx));
        assertEquals(403, unverified.post("/budgeting/cycles/" + cycle + "/committee/apply", Map.of()).statusCode(), "verified only");
        assertEquals(24, PbFixtures.count("SELECT COUNT(*) FROM pb_committee_applicant WHERE cycle_id = ?", cycle));

        assertEquals(422, staff.post(base + "/commit", Map.of("commitment", "not-hex")).statusCode());
        assertEquals(303, staff.post(base + "/commit", Map.of("commitment", CommitReveal.commitment(SECRET))).statusCode());
        assertEquals(409, staff.post(base + "/commit", Map.of("commitment", CommitReveal.commitment("other"))).statusCode(), "once");

        assertEquals(422, staff.post(base + "/draw", draw("a wrong secret", 6, 2)).statusCode(), "the secret must open the commitment");
        assertEquals(422, staff.post(base + "/draw", draw(SECRET, 1, 2)).statusCode(), "seats 2-500");
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_committee_applicant WHERE cycle_id = ? AND selected", cycle));
        assertEquals(303, staff.post(base + "/draw", draw(SECRET, 6, 2)).statusCode());
        assertEquals(409, staff.post(base + "/draw", draw(SECRET, 6, 2)).statusCode(), "one draw per cycle");
        assertEquals(409, signedIn(people.get(0)).post("/budgeting/cycles/" + cycle + "/committee/apply", Map.of()).statusCode(),
                "applications close with the draw");

        // Quotas met: 6 seats, 3 F + 3 M, at most 2 per 자치구.
        List<CommitteeDraws.Applicantship> drawn = draws.applicants(cycle).stream().filter(CommitteeDraws.Applicantship::selected).toList();
        assertEquals(6, drawn.size());
        assertEquals(3, drawn.stream().filter(a -> a.gender().equals("F")).count(), "gender balance");
        Map<String, Integer> perGu = new HashMap<>();
        drawn.forEach(a -> perGu.merge(a.guCode(), 1, Integer::sum));
        perGu.values().forEach(n -> assertTrue(n <= 2, "at most 2 per 자치구: " + perGu));

        // Each drawn person holds PANEL_MEMBER for this cycle; nobody else does.
        for (CommitteeDraws.Applicantship a : draws.applicants(cycle)) {
            assertEquals(a.selected() ? 1 : 0, PbFixtures.count("""
                    SELECT COUNT(*) FROM role_grant WHERE account_id = ? AND role = 'PANEL_MEMBER' AND scope_type = 'PROCESS' AND scope_id = ?""",
                    a.accountId(), CommitteeDraws.scopeOf(cycle)));
        }
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.committee.draw' AND subject_id = ?",
                Long.toString(cycle)));

        // Reproducible by anyone: the public pool file + quota table + secret + beacon give the same committee.
        String poolFile = new Browser(server.getURI()).get("/budgeting/cycles/" + cycle + "/committee/pool.txt").body();
        Pool pool = Pool.parse(poolFile);
        CommitteeDraws.Draw stored = draws.draw(cycle).orElseThrow();
        assertEquals(stored.poolHash(), pool.poolHash());
        DrawResult again = SortitionEngine.draw(pool, CommitteeQuotas.of(6, 2), CommitReveal.deriveSeed(SECRET, pool.poolHash(), BEACON));
        assertEquals(stored.selectedCodes(), again.selectedCodes());
        assertEquals(stored.seedHex(), again.seedHex());
        assertEquals(stored.quotaHash(), again.quotaHash());
        String page = new Browser(server.getURI()).get("/budgeting/cycles/" + cycle + "/committee").body();
        assertTrue(page.contains(stored.seedHex()) && page.contains(SECRET), "the reveal is public");
        assertTrue(!page.contains(people.get(0).email()), "the public page names no applicant");
    }

    @Test
    void aDrawnMemberStillNeedsBudgetSchoolForCommitteeDecisions() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long project = PbFixtures.project(cycle, track, "D", "어린이 놀이터 그늘막", 40_000_000L, "FEASIBLE");
        CommitteeDraws draws = ctx.getBean(CommitteeDraws.class);
        List<TestAccounts.TestAccount> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(TestAccounts.verified(ctx, LocalDate.of(1980, 1, 1 + i), GUS[i % 3]));
            draws.apply(people.get(i).id(), cycle);
        }
        var staffActor = new kr.hamkke.shared.Actor(TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", "").id(), "BUDGET_STAFF");
        draws.commit(staffActor, cycle, CommitReveal.commitment(SECRET));
        draws.draw(staffActor, cycle, SECRET, BEACON, 2, 2);
        long memberId = draws.applicants(cycle).stream().filter(CommitteeDraws.Applicantship::selected).findFirst().orElseThrow().accountId();
        TestAccounts.TestAccount member = people.stream().filter(p -> p.id() == memberId).findFirst().orElseThrow();
        Browser panel = signedIn(member); // signs in after the grant, so the token carries PANEL_MEMBER
        Map<String, String> onBallot = Map.of("decision", "ON_BALLOT");
        assertEquals(403, panel.post("/budgeting/staff/projects/" + project + "/shortlist", onBallot).statusCode());
        PbFixtures.schoolCompleted(cycle, memberId);
        assertEquals(303, panel.post("/budgeting/staff/projects/" + project + "/shortlist", onBallot).statusCode());
    }

    private static Map<String, String> draw(String secret, int seats, int guMax) {
        return Map.of("secret", secret, "beacon", BEACON, "seats", Integer.toString(seats), "guMax", Integer.toString(guMax));
    }
}
