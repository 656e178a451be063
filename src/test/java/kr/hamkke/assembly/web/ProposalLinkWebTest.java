package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An adopted 정책제안 sent to 민주주의 서울 or a PB cycle (V34): staff only, target must exist, once per target, audited, public. */
@MicronautTest(transactional = false)
class ProposalLinkWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    @Test
    void staffSendAnAdoptedProposalOnceToAnExistingTargetAndThePublicSeesIt() throws Exception {
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        String title = "정류장 그늘막 " + cycle;
        AssemblyFixtures.exec("INSERT INTO assembly_policy_proposal (cycle_id, title, body, yes_votes, no_votes, abstain_votes, yes_share,"
                + " rank_no, org_unit_code, handed_off_at, response_due) VALUES (" + cycle + ", '" + title + "', '본문', 5, 1, 0, 0.8333, 1,"
                + " 'RECYCLE', UTC_TIMESTAMP(6), DATE_ADD(CURDATE(), INTERVAL 60 DAY))");
        String proposal = string("SELECT id FROM assembly_policy_proposal WHERE cycle_id = " + cycle);
        AssemblyFixtures.exec("INSERT INTO pb_cycle (name, fiscal_year, created_at) VALUES ('연계 테스트 참여예산 " + cycle + "', 2027, UTC_TIMESTAMP(6))");
        String pb = string("SELECT MAX(id) FROM pb_cycle");
        String path = "/staff/assembly/proposals/" + proposal + "/send";

        Browser citizen = new Browser(server.getURI());
        assertEquals(303, citizen.signIn(TestAccounts.verified(ctx).email(), TestAccounts.PASSWORD).statusCode());
        citizen.get("/assembly");
        assertEquals(403, citizen.post(path, Map.of("target", "BUDGETING", "targetId", pb)).statusCode());

        Browser admin = new Browser(server.getURI());
        assertEquals(303, admin.signIn(TestAccounts.withRole(ctx, Role.ADMIN).email(), TestAccounts.PASSWORD).statusCode());
        admin.get("/staff/assembly/" + cycle);
        assertEquals(422, admin.post(path, Map.of("target", "ELSEWHERE", "targetId", pb)).statusCode());
        assertEquals(422, admin.post(path, Map.of("target", "BUDGETING", "targetId", "abc")).statusCode());
        assertEquals(422, admin.post(path, Map.of("target", "BUDGETING", "targetId", "999999999")).statusCode(), "no such PB cycle");
        assertEquals(422, admin.post(path, Map.of("target", "PROPOSALS", "targetId", "999999999")).statusCode(), "no such proposal");
        assertEquals(404, admin.post("/staff/assembly/proposals/999999999/send", Map.of("target", "BUDGETING", "targetId", pb)).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_proposal_link WHERE proposal_id = " + proposal), "bad input stores nothing");

        assertEquals(303, admin.post(path, Map.of("target", "BUDGETING", "targetId", pb, "note", "2027 참여예산 후보")).statusCode());
        assertEquals(409, admin.post(path, Map.of("target", "BUDGETING", "targetId", pb)).statusCode(), "once per target");
        assertEquals(1, count("SELECT COUNT(*) FROM assembly_proposal_link WHERE proposal_id = " + proposal));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.proposal.send' AND subject_id = '" + proposal
                + "' AND summary LIKE '%target=BUDGETING target_id=" + pb + "%'"));

        String page = new Browser(server.getURI()).get("/assembly/" + cycle).body();
        assertTrue(page.contains("href=\"/budgeting/cycles/" + pb + "\""), "the public cycle page links the PB cycle");
        assertTrue(page.contains("시민참여예산 후보로 보냄"));
    }
}
