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
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static kr.hamkke.assembly.web.AssemblyFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Positions, attendance and 사전학습 materials (V32): who may do what, limits, and the audit of every change. */
@MicronautTest(transactional = false)
class MemberActivityWebTest {

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
        AssemblyFixtures.applicants(ctx, cycle, 12);
        cycles.publishCommitment(Actor.SYSTEM, cycle, CommitReveal.commitment("a"));
        cycles.freeze(Actor.SYSTEM, cycle);
        cycles.draw(Actor.SYSTEM, cycle, "beacon", "a");
        return cycle;
    }

    private static String emailOf(String membershipId) throws Exception {
        return string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + membershipId);
    }

    private static long audits(String action, String subjectId) throws Exception {
        return count("SELECT COUNT(*) FROM audit_event WHERE action = '" + action + "' AND subject_id = '" + subjectId + "'");
    }

    @Test
    void preLearningNeedsEveryMaterialAndIsForAppointedMembersOnly() throws Exception {
        long cycle = drawnCycle();
        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());
        admin.get("/staff/assembly/" + cycle);
        assertEquals(422, admin.post("/staff/assembly/" + cycle + "/materials", Map.of("title", "안내서", "body", "")).statusCode());
        assertEquals(422, admin.post("/staff/assembly/" + cycle + "/materials",
                Map.of("title", "안내서", "body", "설명", "url", "javascript:alert(1)")).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_material WHERE cycle_id = " + cycle), "bad input stores nothing");
        assertEquals(303, admin.post("/staff/assembly/" + cycle + "/materials",
                Map.of("title", "안내서", "body", "시민회의의 역할과 일정", "url", "https://democracy.seoul.go.kr/")).statusCode());
        assertEquals(303, admin.post("/staff/assembly/" + cycle + "/materials", Map.of("title", "기후 기초 자료", "body", "배출 구조")).statusCode());
        List<String> materials = strings("SELECT id FROM assembly_material WHERE cycle_id = " + cycle + " ORDER BY id");
        assertEquals(2, materials.size());
        assertEquals(1, audits("assembly.material.create", materials.get(0)));

        List<String> selected = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        String id = selected.get(0);
        Browser member = signedIn(emailOf(id));
        member.get("/assembly/me");
        // Not yet appointed: the materials are members-only.
        assertEquals(403, member.get("/assembly/" + cycle + "/learning").statusCode());
        assertEquals(403, member.post("/assembly/materials/" + materials.get(0) + "/done", Map.of()).statusCode());
        assertEquals(303, member.post("/assembly/memberships/" + id + "/accept", Map.of()).statusCode());
        assertEquals(200, member.get("/assembly/" + cycle + "/learning").statusCode());

        // The 사전학습 button is refused until every material is done.
        assertEquals(409, member.post("/assembly/memberships/" + id + "/pre-learning", Map.of()).statusCode());
        assertEquals("APPOINTED", string("SELECT status FROM assembly_membership WHERE id = " + id));
        assertEquals(303, member.post("/assembly/materials/" + materials.get(0) + "/done", Map.of()).statusCode());
        assertEquals(409, member.post("/assembly/materials/" + materials.get(0) + "/done", Map.of()).statusCode(), "once per material");
        assertEquals("APPOINTED", string("SELECT status FROM assembly_membership WHERE id = " + id));
        assertEquals(303, member.post("/assembly/materials/" + materials.get(1) + "/done", Map.of()).statusCode());
        assertEquals("ACTIVE", string("SELECT status FROM assembly_membership WHERE id = " + id), "the last material activates");
        assertEquals(2, audits("assembly.material.done", id));
        assertEquals(1, audits("assembly.member.pre-learning", id));

        // Outsiders: a verified citizen who is no member, and a reserve.
        Browser outsider = signedIn(TestAccounts.verified(ctx).email());
        assertEquals(403, outsider.get("/assembly/" + cycle + "/learning").statusCode());
        String reserve = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'RESERVE' ORDER BY id").get(0);
        Browser reserveMember = signedIn(emailOf(reserve));
        assertEquals(403, reserveMember.get("/assembly/" + cycle + "/learning").statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM assembly_material_done WHERE material_id = " + materials.get(0)));

        // Staff see the completion rate per material (1 of the 1 appointed/active member).
        String page = admin.get("/staff/assembly/" + cycle).body();
        assertTrue(page.contains("1/1명 (100%)"), "completion rate shown to staff");
    }

    @Test
    void oneChairTwoViceChairsOnlyForAppointedMembersAllAudited() throws Exception {
        long cycle = drawnCycle();
        List<String> selected = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        for (int i = 0; i < 4; i++) {
            Browser m = signedIn(emailOf(selected.get(i)));
            m.get("/assembly/me");
            assertEquals(303, m.post("/assembly/memberships/" + selected.get(i) + "/accept", Map.of()).statusCode());
        }
        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());
        admin.get("/staff/assembly/" + cycle);
        String position = "/staff/assembly/memberships/%s/position";
        assertEquals(422, admin.post(position.formatted(selected.get(0)), Map.of("position", "KING")).statusCode());
        assertEquals(303, admin.post(position.formatted(selected.get(0)), Map.of("position", "CHAIR")).statusCode());
        assertEquals(409, admin.post(position.formatted(selected.get(1)), Map.of("position", "CHAIR")).statusCode(), "one chair");
        assertEquals(303, admin.post(position.formatted(selected.get(1)), Map.of("position", "VICE_CHAIR")).statusCode());
        assertEquals(303, admin.post(position.formatted(selected.get(2)), Map.of("position", "VICE_CHAIR")).statusCode());
        assertEquals(409, admin.post(position.formatted(selected.get(3)), Map.of("position", "VICE_CHAIR")).statusCode(), "two vice-chairs");
        assertEquals(409, admin.post(position.formatted(selected.get(4)), Map.of("position", "MEMBER")).statusCode(), "not yet appointed");
        assertEquals("CHAIR", string("SELECT position_code FROM assembly_membership WHERE id = " + selected.get(0)));
        assertEquals("MEMBER", string("SELECT position_code FROM assembly_membership WHERE id = " + selected.get(3)));
        assertEquals(1, audits("assembly.member.position", selected.get(0)));
        assertEquals(0, audits("assembly.member.position", selected.get(3)));

        // The public cycle page names the chair by public code; moving the chair frees the seat.
        String chairCode = string("SELECT code FROM assembly_membership WHERE id = " + selected.get(0));
        assertTrue(new Browser(server.getURI()).get("/assembly/" + cycle).body().contains("시민위원 " + chairCode));
        assertEquals(303, admin.post(position.formatted(selected.get(0)), Map.of("position", "MEMBER")).statusCode());
        assertEquals(303, admin.post(position.formatted(selected.get(3)), Map.of("position", "CHAIR")).statusCode());
        assertEquals(2, audits("assembly.member.position", selected.get(0)));
    }

    @Test
    void attendanceByStaffOrTheMeetingsFacilitatorOnlyChangesAudited() throws Exception {
        long cycle = drawnCycle();
        List<String> selected = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        for (int i = 0; i < 2; i++) {
            Browser m = signedIn(emailOf(selected.get(i)));
            m.get("/assembly/me");
            assertEquals(303, m.post("/assembly/memberships/" + selected.get(i) + "/accept", Map.of()).statusCode());
        }
        DeliberationService deliberation = ctx.getBean(DeliberationService.class);
        var facilitator = TestAccounts.withRole(ctx, Role.FACILITATOR);
        var otherFacilitator = TestAccounts.withRole(ctx, Role.FACILITATOR);
        long meeting = deliberation.createMeeting(Actor.SYSTEM, cycle, 1, "문제 정의", LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL));
        deliberation.createTable(Actor.SYSTEM, meeting, "1분임", facilitator.id());
        String path = "/assembly/meetings/" + meeting + "/attendance";

        Browser other = signedIn(otherFacilitator.email());
        assertEquals(403, other.get(path).statusCode(), "a facilitator of another meeting");
        other.get("/assembly/me");
        assertEquals(403, other.post(path, Map.of("m-" + selected.get(0), "PRESENT")).statusCode());

        Browser fac = signedIn(facilitator.email());
        assertEquals(200, fac.get(path).statusCode());
        assertEquals(422, fac.post(path, Map.of("m-" + selected.get(0), "LATE")).statusCode());
        assertEquals(422, fac.post(path, Map.of("m-" + selected.get(0), "PRESENT", "m-" + selected.get(5), "PRESENT")).statusCode(),
                "a SELECTED (not appointed) membership is refused");
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_attendance WHERE meeting_id = " + meeting), "nothing stored on bad input");
        assertEquals(303, fac.post(path, Map.of("m-" + selected.get(0), "PRESENT", "m-" + selected.get(1), "EXCUSED")).statusCode());
        assertEquals(303, fac.post(path, Map.of("m-" + selected.get(0), "PRESENT", "m-" + selected.get(1), "ABSENT")).statusCode());
        assertEquals("PRESENT", string("SELECT status FROM assembly_attendance WHERE meeting_id = " + meeting + " AND membership_id = " + selected.get(0)));
        assertEquals("ABSENT", string("SELECT status FROM assembly_attendance WHERE meeting_id = " + meeting + " AND membership_id = " + selected.get(1)));
        assertEquals(1, audits("assembly.attendance", selected.get(0)), "an unchanged line is not re-audited");
        assertEquals(2, audits("assembly.attendance", selected.get(1)));

        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());
        admin.get(path);
        assertEquals(303, admin.post(path, Map.of("m-" + selected.get(1), "PRESENT")).statusCode());
        assertTrue(new Browser(server.getURI()).get("/assembly/" + cycle).body().contains("출석 2명"), "public count of members present");
        Browser member = signedIn(emailOf(selected.get(0)));
        assertTrue(member.get("/assembly/me").body().contains("출석"), "the member sees their attendance");
    }
}
