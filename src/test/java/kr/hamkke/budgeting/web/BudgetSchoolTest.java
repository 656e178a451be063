package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

/** 예산학교 per cycle as the precondition of committee decisions (V25, DOMAIN B3/B4). */
@MicronautTest(transactional = false)
class BudgetSchoolTest {

    private static final Map<String, String> ON_BALLOT = Map.of("decision", "ON_BALLOT");

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
    void aMemberWithoutSchoolForTheCycleIsRefusedUntilStaffRecordIt() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        long otherCycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long id = PbFixtures.project(cycle, track, "S", "동네 쉼터 그늘막 설치", 50_000_000L, "FEASIBLE");
        var member = TestAccounts.withRole(ctx, Role.PANEL_MEMBER, "GLOBAL", "");
        Browser panel = signedIn(member);
        // A completion for ANOTHER cycle does not count.
        PbFixtures.schoolCompleted(otherCycle, member.id());

        String page = panel.get("/budgeting/projects/" + id).body();
        assertFalse(page.contains("/shortlist\""), "no decision form without 예산학교");
        assertTrue(page.contains("예산학교 이수 기록이 없어"), "the page says why");
        HttpResponse<String> refused = panel.post("/budgeting/staff/projects/" + id + "/shortlist", ON_BALLOT);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("예산학교를 이수하지 않은 위원"), "a clear Korean reason");
        assertEquals("FEASIBLE", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", id), "nothing changed");

        Browser staff = signedIn(TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", ""));
        String school = "/budgeting/staff/cycles/" + cycle + "/school";
        assertEquals(200, staff.get(school).statusCode());
        assertEquals(403, panel.post(school, Map.of("email", member.email(), "completedOn", "2020-01-01", "courseNote", "기본과정"))
                .statusCode(), "a member cannot record their own completion");
        assertEquals(303, staff.post(school, Map.of("email", member.email(), "completedOn", PbFixtures.today().minusDays(3).toString(),
                "courseNote", "예산학교 기본과정 (온라인)")).statusCode());
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.school.record' AND subject_id = ?",
                Long.toString(cycle)), "audited");
        String list = staff.get(school).body();
        assertTrue(list.contains(member.email()) && list.contains("예산학교 기본과정 (온라인)"), "staff see who completed");

        assertTrue(panel.get("/budgeting/projects/" + id).body().contains("/shortlist\""), "now the member sees the form");
        assertEquals(303, panel.post("/budgeting/staff/projects/" + id + "/shortlist", ON_BALLOT).statusCode());
        assertEquals("ON_BALLOT", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", id));
    }

    @Test
    void staffRecordingTheCommitteeDecisionNeedNoSchool() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long id = PbFixtures.project(cycle, track, "S", "골목 공유 자전거 보관대", 20_000_000L, "FEASIBLE");
        Browser staff = signedIn(TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", ""));
        assertEquals(303, staff.post("/budgeting/staff/projects/" + id + "/shortlist", ON_BALLOT).statusCode());
    }

    @Test
    void badInputIs422AndRecordsNothingAndADoubleRecordIs409() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        var person = TestAccounts.verified(ctx);
        Browser staff = signedIn(TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", ""));
        String school = "/budgeting/staff/cycles/" + cycle + "/school";
        String yesterday = PbFixtures.today().minusDays(1).toString();
        HttpResponse<String> unknown = staff.post(school, Map.of("email", "nobody-" + System.nanoTime() + "@example.kr",
                "completedOn", yesterday, "courseNote", "기본과정"));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("가입한 계정의 이메일"), "the error summary names the field");
        assertEquals(422, staff.post(school, Map.of("email", person.email(), "completedOn", "어제", "courseNote", "기본과정")).statusCode());
        assertEquals(422, staff.post(school, Map.of("email", person.email(), "completedOn", PbFixtures.today().plusDays(5).toString(),
                "courseNote", "기본과정")).statusCode(), "not in the future");
        assertEquals(422, staff.post(school, Map.of("email", person.email(), "completedOn", yesterday, "courseNote", "")).statusCode());
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_school_completion WHERE cycle_id = ?", cycle), "nothing written");

        assertEquals(303, staff.post(school, Map.of("email", person.email().toUpperCase(), "completedOn", yesterday, "courseNote", "기본과정"))
                .statusCode(), "e-mail matched case-insensitively");
        assertEquals(409, staff.post(school, Map.of("email", person.email(), "completedOn", yesterday, "courseNote", "기본과정")).statusCode());
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_school_completion WHERE cycle_id = ?", cycle));
        assertEquals(404, staff.get("/budgeting/staff/cycles/999999999/school").statusCode());
    }
}
