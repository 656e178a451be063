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

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static kr.hamkke.assembly.web.AssemblyFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Table membership (V36): who assigns, one table per meeting, assigned tables are their members' only, votes counted per table. */
@MicronautTest(transactional = false)
class TableMembershipWebTest {

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

    /** Posts the form with one "member" field per id (a checkbox list), with the CSRF token of the page. */
    private int assign(Browser b, long table, List<String> membershipIds) {
        b.get("/assembly/tables/" + table + "/members");
        String body = "_csrf=" + URLEncoder.encode(b.csrf() == null ? "" : b.csrf(), StandardCharsets.UTF_8)
                + membershipIds.stream().map(id -> "&member=" + id).collect(Collectors.joining());
        return b.send(HttpRequest.newBuilder(server.getURI().resolve("/assembly/tables/" + table + "/members"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
    }

    @Test
    void assignedTablesAreTheirMembersOnlyAndCountOnlyTheirVotes() throws Exception {
        CycleService cycles = ctx.getBean(CycleService.class);
        DeliberationService deliberation = ctx.getBean(DeliberationService.class);
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        AssemblyFixtures.applicants(ctx, cycle, 12);
        cycles.publishCommitment(Actor.SYSTEM, cycle, CommitReveal.commitment("t"));
        cycles.freeze(Actor.SYSTEM, cycle);
        cycles.draw(Actor.SYSTEM, cycle, "beacon", "t");
        List<String> ids = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        List<Browser> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser b = signedIn(string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + ids.get(i)));
            assertEquals(303, b.post("/assembly/memberships/" + ids.get(i) + "/accept", Map.of()).statusCode());
            members.add(b);
        }
        var fac = TestAccounts.withRole(ctx, Role.FACILITATOR);
        var fac2 = TestAccounts.withRole(ctx, Role.FACILITATOR);
        long meeting = deliberation.createMeeting(Actor.SYSTEM, cycle, 1, "분임 토론", LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL));
        long table1 = deliberation.createTable(Actor.SYSTEM, meeting, "1분임", fac.id());
        long table2 = deliberation.createTable(Actor.SYSTEM, meeting, "2분임", fac2.id());
        long draft = deliberation.forwardDraft(new CurrentUser(fac.id(), "fac", List.of("CITIZEN", "FACILITATOR")), table1,
                "정류장 그늘막", "버스 정류장에 그늘막을 설치합니다.", "RECYCLE");
        Browser facilitator = signedIn(fac.email());
        Browser otherFacilitator = signedIn(fac2.email());
        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());

        // No assignments yet: every member of the cycle uses the table, as before.
        for (Browser m : members) {
            assertEquals(200, m.get("/assembly/tables/" + table1).statusCode());
        }
        // An amendment voted on while the table is open to everyone: 1 찬성 (member 0), 2 반대 (members 2 and 3).
        assertEquals(303, members.get(0).post("/assembly/drafts/" + draft + "/amendments",
                Map.of("body", "버스 정류장과 마을버스 정류장에 그늘막을 설치합니다.", "reason", "마을버스 이용자")).statusCode());
        String amendment = string("SELECT MAX(id) FROM assembly_amendment WHERE draft_id = " + draft);
        assertEquals(303, members.get(0).post("/assembly/amendments/" + amendment + "/vote", Map.of("choice", "YES")).statusCode());
        assertEquals(303, members.get(2).post("/assembly/amendments/" + amendment + "/vote", Map.of("choice", "NO")).statusCode());
        assertEquals(303, members.get(3).post("/assembly/amendments/" + amendment + "/vote", Map.of("choice", "NO")).statusCode());

        // Who assigns: ADMIN or the table's own facilitator; another facilitator or a member is refused.
        assertEquals(403, members.get(0).get("/assembly/tables/" + table1 + "/members").statusCode());
        assertEquals(403, assign(otherFacilitator, table1, List.of(ids.get(0))));
        assertEquals(200, admin.get("/assembly/tables/" + table1 + "/members").statusCode());
        // Bad input: a member who is only SELECTED (422), an unknown membership (422); nothing stored.
        assertEquals(422, assign(facilitator, table1, List.of(ids.get(0), ids.get(5))));
        assertEquals(422, assign(facilitator, table1, List.of("999999999")));
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_table_member WHERE table_id = " + table1));

        assertEquals(303, assign(facilitator, table1, List.of(ids.get(0), ids.get(1))));
        assertEquals(2, count("SELECT COUNT(*) FROM assembly_table_member WHERE table_id = " + table1));
        assertEquals(2, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.table.assign' AND subject_id = '" + table1 + "'"));
        // One table per meeting.
        assertEquals(409, assign(admin, table2, List.of(ids.get(1), ids.get(2))));
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_table_member WHERE table_id = " + table2), "the refused list stores nothing");
        assertEquals(303, assign(admin, table2, List.of(ids.get(2), ids.get(3))));

        // The thread, the draft and amendment votes are now the assigned members' (and facilitators') only.
        Browser outsider = members.get(2);
        assertEquals(403, outsider.get("/assembly/tables/" + table1).statusCode());
        assertEquals(403, outsider.post("/assembly/tables/" + table1 + "/posts", Map.of("stance", "PRO", "body", "찬성합니다")).statusCode());
        assertEquals(403, outsider.get("/assembly/drafts/" + draft).statusCode());
        assertEquals(403, outsider.post("/assembly/drafts/" + draft + "/amendments", Map.of("body", "다른 문안", "reason", "이유")).statusCode());
        members.get(1).get("/assembly/drafts/" + draft);
        assertEquals(200, members.get(1).get("/assembly/tables/" + table1).statusCode());
        assertEquals(303, members.get(1).post("/assembly/tables/" + table1 + "/posts", Map.of("stance", "PRO", "body", "찬성합니다")).statusCode());
        assertEquals(200, facilitator.get("/assembly/tables/" + table1).statusCode());
        assertEquals(200, outsider.get("/assembly/tables/" + table2).statusCode(), "member 2 now sits at table 2");
        assertEquals(403, members.get(0).get("/assembly/tables/" + table2).statusCode());

        // Acceptance counts only table 1's members: 1 찬성 to 0 반대 (members 2 and 3 sit elsewhere).
        assertEquals(303, facilitator.post("/assembly/amendments/" + amendment + "/close", Map.of()).statusCode());
        assertEquals("ACCEPTED", string("SELECT status FROM assembly_amendment WHERE id = " + amendment));
        assertEquals("1", string("SELECT yes_votes FROM assembly_amendment WHERE id = " + amendment));
        assertEquals("0", string("SELECT no_votes FROM assembly_amendment WHERE id = " + amendment));

        // Clearing the list opens the table to every member again.
        assertEquals(303, assign(facilitator, table1, List.of()));
        assertEquals(2, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.table.unassign' AND subject_id = '" + table1 + "'"));
        assertEquals(200, members.get(3).get("/assembly/tables/" + table1).statusCode());
    }
}
