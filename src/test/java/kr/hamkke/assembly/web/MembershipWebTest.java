package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.assembly.CycleService;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static kr.hamkke.assembly.web.AssemblyFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@MicronautTest(transactional = false)
class MembershipWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(String email) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(email, TestAccounts.PASSWORD).statusCode());
        return b;
    }

    private long drawnCycle() {
        CycleService cycles = ctx.getBean(CycleService.class);
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        AssemblyFixtures.applicants(ctx, cycle, 16);
        cycles.publishCommitment(Actor.SYSTEM, cycle, CommitReveal.commitment("m"));
        cycles.freeze(Actor.SYSTEM, cycle);
        cycles.draw(Actor.SYSTEM, cycle, "beacon", "m");
        return cycle;
    }

    @Test
    void acceptanceExpiresAfterSevenDaysAndDismissalNeedsAReasonAndIsReplaced() throws Exception {
        long cycle = drawnCycle();
        List<String> ids = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        String late = ids.get(0);
        AssemblyFixtures.exec("UPDATE assembly_membership SET selected_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 8 DAY) WHERE id = " + late);
        Browser m = signedIn(string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + late));
        m.get("/assembly/me");
        assertEquals(409, m.post("/assembly/memberships/" + late + "/accept", Map.of()).statusCode());
        assertEquals("SELECTED", string("SELECT status FROM assembly_membership WHERE id = " + late));

        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());
        String target = ids.get(1);
        admin.get("/staff/assembly/" + cycle);
        assertEquals(422, admin.post("/staff/assembly/memberships/" + target + "/dismiss", Map.of("reason", "짧음")).statusCode());
        assertEquals(303, admin.post("/staff/assembly/memberships/" + target + "/dismiss",
                Map.of("reason", "연락이 닿지 않아 위촉 절차를 진행할 수 없었습니다.")).statusCode());
        assertEquals("DISMISSED", string("SELECT status FROM assembly_membership WHERE id = " + target));
        assertNotNull(string("SELECT replaced_by_id FROM assembly_membership WHERE id = " + target));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.member.dismiss' AND subject_id = '" + target
                + "' AND reason LIKE '연락이%'"));
    }

    @Test
    void noReplacementOnceMeetingTwoHasStarted() throws Exception {
        long cycle = drawnCycle();
        String id = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id").get(0);
        Browser m = signedIn(string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + id));
        m.get("/assembly/me");
        assertEquals(303, m.post("/assembly/memberships/" + id + "/accept", Map.of()).statusCode());
        AssemblyFixtures.exec("UPDATE assembly_cycle SET status = 'MEETING_2' WHERE id = " + cycle);
        assertEquals(303, m.post("/assembly/memberships/" + id + "/withdraw", Map.of()).statusCode());
        assertEquals("WITHDRAWN", string("SELECT status FROM assembly_membership WHERE id = " + id));
        assertNull(string("SELECT replaced_by_id FROM assembly_membership WHERE id = " + id));
        assertEquals(4, count("SELECT COUNT(*) FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'RESERVE'"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.member.not-replaced' AND subject_id = '" + id + "'"));
    }

    @Test
    void staffCreateAndOpenACycleAndInfeasibleQuotasAreReportedBeforeDrawing() throws Exception {
        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());
        admin.get("/staff/assembly");
        String name = "운영 테스트 " + java.util.UUID.randomUUID().toString().substring(0, 6);
        var created = admin.post("/staff/assembly/cycles", Map.of("name", name, "year", "2026", "seats", "6", "reserveSeats", "2",
                "recruitOpens", "2026-01-01", "recruitCloses", "2099-12-31", "agendas", "의제 하나\n의제 둘", "quotaCsv", AssemblyFixtures.QUOTAS));
        assertEquals(303, created.statusCode(), created.body());
        String cycle = string("SELECT id FROM assembly_cycle WHERE name = '" + name + "'");
        assertEquals(2, count("SELECT COUNT(*) FROM assembly_agenda WHERE cycle_id = " + cycle));
        assertEquals(2, count("SELECT reserve_seats FROM assembly_cycle WHERE id = " + cycle), "the form's seats override the CSV");
        admin.get("/staff/assembly/" + cycle);
        assertEquals(303, admin.post("/staff/assembly/" + cycle + "/advance", Map.of("from", "PLANNING")).statusCode());
        assertEquals("RECRUITING", string("SELECT status FROM assembly_cycle WHERE id = " + cycle));
        admin.get("/staff/assembly/" + cycle);
        assertEquals(409, admin.post("/staff/assembly/" + cycle + "/advance", Map.of("from", "PLANNING")).statusCode(), "stale form");
        assertEquals(409, admin.post("/staff/assembly/" + cycle + "/advance", Map.of("from", "RECRUITING")).statusCode(), "DRAWN only by the draw");

        AssemblyFixtures.applicants(ctx, Long.parseLong(cycle), 3);
        var page = admin.get("/staff/assembly/" + cycle);
        assertEquals(200, page.statusCode());
        assertEquals(true, page.body().contains("badge badge-danger"), "categories below their minimum are flagged");
        assertEquals(303, admin.post("/staff/assembly/" + cycle + "/commit", Map.of("commitment", CommitReveal.commitment("x"))).statusCode());
        admin.get("/staff/assembly/" + cycle);
        assertEquals(303, admin.post("/staff/assembly/" + cycle + "/freeze", Map.of()).statusCode());
        admin.get("/staff/assembly/" + cycle);
        assertEquals(409, admin.post("/staff/assembly/" + cycle + "/draw", Map.of("beacon", "b", "secret", "x")).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_draw WHERE cycle_id = " + cycle));
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_membership WHERE cycle_id = " + cycle));
    }
}
