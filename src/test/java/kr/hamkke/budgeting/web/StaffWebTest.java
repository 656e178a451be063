package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class StaffWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    Browser signedIn(TestAccounts.TestAccount a) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(a.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    Browser staff(Role role, String scopeType, String scopeId) {
        return signedIn(TestAccounts.withRole(ctx, role, scopeType, scopeId));
    }

    static void setPhase(long cycleId, PhaseKind current) {
        PbFixtures.exec("DELETE FROM pb_phase WHERE cycle_id = ?", cycleId);
        PbFixtures.phasesWithCurrent(current).forEach((k, d) -> PbFixtures.exec(
                "INSERT INTO pb_phase (cycle_id, kind, ordinal, starts_on, ends_on) VALUES (?,?,?,?,?)", cycleId, k.name(), k.ordinal(), d[0], d[1]));
    }

    static long audits(String action, String subjectId) {
        return PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_id = ?", action, subjectId);
    }

    @Test
    void actionsOutsideTheirPhaseAreRefusedWithPhaseClosed() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.SUBMISSION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long a = PbFixtures.project(cycle, track, "A", "사업 A", 100_000_000L, "ON_BALLOT");
        Browser citizen = signedIn(TestAccounts.verified(ctx));
        HttpResponse<String> vote = citizen.json("POST", "/api/budgeting/tracks/" + track + "/ballot", "{\"projectIds\":[\"" + a + "\"]}", null);
        assertEquals(403, vote.statusCode());
        assertTrue(vote.body().contains("budgeting.PHASE_CLOSED"));
        assertTrue(citizen.get("/budgeting/tracks/" + track + "/ballot").body().contains("참여 기간이 아닙니다"));

        citizen.get("/budgeting/tracks/" + track + "/propose");
        HttpResponse<String> bad = citizen.post("/budgeting/tracks/" + track + "/propose", Map.of("title", "", "description", "짧음", "category", "", "cost", "-5"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("href=\"#description\""));
        HttpResponse<String> ok = citizen.post("/budgeting/tracks/" + track + "/propose", Map.of("title", "미세먼지 NO, 공공형 실내 놀이터 설치",
                "description", "미세먼지가 심한 날에도 아이들이 놀 수 있는 공공 실내 놀이터를 만듭니다.", "category", "아동", "cost", "400000000"));
        assertEquals(303, ok.statusCode(), ok.body());

        setPhase(cycle, PhaseKind.VOTING);
        citizen.get("/budgeting");
        HttpResponse<String> late = citizen.post("/budgeting/tracks/" + track + "/propose", Map.of("title", "늦은 제안",
                "description", "투표 기간에 들어온 제안은 받을 수 없습니다. 스무 글자 이상.", "category", "기타", "cost", "1000"));
        assertEquals(403, late.statusCode());
        assertTrue(late.body().contains("이 단계가 아니어서"));
    }

    @Test
    void rulesEligibilityAndVotingPhaseFreezeWhenVotingOpens() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        Browser budget = staff(Role.BUDGET_STAFF, "GLOBAL", "");
        budget.get("/budgeting/tracks/" + track);
        Map<String, String> rules = Map.of("ballotRule", "APPROVAL", "maxPicks", "5", "ruleParam", "0", "allocation", "MES");
        assertEquals(303, budget.post("/budgeting/staff/tracks/" + track + "/rules", rules).statusCode());
        assertEquals("MES", PbFixtures.string("SELECT allocation FROM pb_track WHERE id = ?", track));
        assertEquals(1, audits("pb.track.update", Long.toString(track)));

        setPhase(cycle, PhaseKind.VOTING);
        HttpResponse<String> refused = budget.post("/budgeting/staff/tracks/" + track + "/rules",
                Map.of("ballotRule", "KNAPSACK", "maxPicks", "9", "ruleParam", "0", "allocation", "GREEDY"));
        assertEquals(409, refused.statusCode());
        assertEquals("MES", PbFixtures.string("SELECT allocation FROM pb_track WHERE id = ?", track));
        assertEquals(1, audits("pb.track.change-refused", Long.toString(track)), "the refusal is audited");

        HttpResponse<String> elig = budget.post("/budgeting/staff/cycles/" + cycle + "/eligibility", Map.of("minAge", "10",
                "relations", "RESIDENT", "weightCitizen", "100", "weightCommittee", "0", "weightSchool", "0"));
        assertEquals(409, elig.statusCode());
        assertEquals(14, PbFixtures.count("SELECT min_age FROM pb_cycle WHERE id = ?", cycle));
        assertEquals(1, audits("pb.cycle.change-refused", Long.toString(cycle)));

        HttpResponse<String> move = budget.post("/budgeting/staff/cycles/" + cycle + "/phases", Map.of("kind", "VOTING",
                "startsOn", PbFixtures.today().plusDays(30).toString(), "endsOn", PbFixtures.today().plusDays(31).toString()));
        assertEquals(409, move.statusCode());
        assertTrue(budget.get("/budgeting/cycles/" + cycle).body().contains("확정되었습니다"));

        Browser citizen = signedIn(TestAccounts.verified(ctx));
        assertEquals(403, citizen.post("/budgeting/staff/tracks/" + track + "/rules", rules).statusCode(), "citizens cannot change rules");
    }

    @Test
    void projectLifecycleIsAuditedAndOnThePublicTimeline() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.SUBMISSION);
        long track = PbFixtures.track(ctx, cycle, "GU", "11440", 500_000_000L, "APPROVAL", 3, "GREEDY");
        var proposer = TestAccounts.verified(ctx);
        Browser citizen = signedIn(proposer);
        citizen.get("/budgeting/tracks/" + track + "/propose");
        HttpResponse<String> submitted = citizen.post("/budgeting/tracks/" + track + "/propose", Map.of("title", "버스정보안내단말기(BIT) 설치",
                "description", "정류장마다 버스 도착 정보를 보여 주는 단말기를 설치합니다.", "category", "교통", "guCode", "11440", "cost", "120000000"));
        assertEquals(303, submitted.statusCode());
        long id = Long.parseLong(submitted.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        citizen.get("/budgeting/projects/" + id + "/edit");
        assertEquals(303, citizen.post("/budgeting/projects/" + id + "/edit", Map.of("title", "버스정보안내단말기(BIT) 설치",
                "description", "정류장마다 버스 도착 정보를 보여 주는 단말기를 설치합니다. 수정.", "category", "교통", "guCode", "11440", "cost", "150000000")).statusCode());

        setPhase(cycle, PhaseKind.SCREENING);
        citizen.get("/budgeting/projects/" + id);
        assertEquals(403, citizen.post("/budgeting/projects/" + id + "/edit", Map.of("title", "x", "description", "수정 기간이 지난 뒤의 수정 시도입니다.",
                "category", "교통", "cost", "1")).statusCode(), "edits close with intake");
        Browser officer = staff(Role.DISTRICT_OFFICER, "GU", "11440");
        officer.get("/budgeting/projects/" + id);
        Map<String, String> shortReason = new HashMap<>(Map.of("law", "PASS", "duplicate", "PASS", "cost", "PASS", "scope", "PASS",
                "reasonCode", "RUNNING_COST", "publicReason", "짧음"));
        assertEquals(422, officer.post("/budgeting/staff/projects/" + id + "/screen", shortReason).statusCode(), "INELIGIBLE needs 20+ chars");
        assertEquals(303, officer.post("/budgeting/staff/projects/" + id + "/screen", Map.of("law", "PASS", "duplicate", "PASS", "cost", "PASS",
                "scope", "PASS", "runningCost", "PASS")).statusCode());

        setPhase(cycle, PhaseKind.FEASIBILITY);
        Browser reviewer = staff(Role.DEPT_REVIEWER, "ORG_UNIT", "RECYCLE");
        reviewer.get("/budgeting/projects/" + id);
        assertEquals(422, reviewer.post("/budgeting/staff/projects/" + id + "/review", Map.of("verdict", "FEASIBLE_WITH_CHANGES",
                "adjustedCost", "100000000")).statusCode(), "a cost change needs a reason");
        assertEquals(303, reviewer.post("/budgeting/staff/projects/" + id + "/review", Map.of("verdict", "FEASIBLE_WITH_CHANGES",
                "adjustedCost", "100000000", "reason", "단말기 단가를 조달청 가격으로 다시 계산했습니다.")).statusCode());

        setPhase(cycle, PhaseKind.DELIBERATION);
        var member = TestAccounts.withRole(ctx, Role.PANEL_MEMBER, "GLOBAL", "");
        Browser panel = signedIn(member);
        panel.get("/budgeting/projects/" + id);
        assertEquals(403, panel.post("/budgeting/staff/projects/" + id + "/shortlist", Map.of("decision", "ON_BALLOT")).statusCode(),
                "no 예산학교 for this cycle, no committee decision");
        PbFixtures.schoolCompleted(cycle, member.id());
        assertEquals(303, panel.post("/budgeting/staff/projects/" + id + "/shortlist", Map.of("decision", "ON_BALLOT")).statusCode());

        assertEquals("ON_BALLOT", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", id));
        assertEquals(100_000_000L, PbFixtures.count("SELECT adjusted_cost_won FROM pb_project WHERE id = ?", id));
        assertEquals(150_000_000L, PbFixtures.count("SELECT requested_cost_won FROM pb_project WHERE id = ?", id));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_feasibility WHERE project_id = ?", id));
        for (String action : List.of("pb.project.submit", "pb.project.edit", "pb.project.screen", "pb.project.review", "pb.project.shortlist")) {
            assertEquals(1, audits(action, Long.toString(id)), action);
        }
        String page = new Browser(server.getURI()).get("/budgeting/projects/" + id).body();
        assertTrue(page.contains("단말기 단가를 조달청 가격으로"), "the cost change reason is public");
        assertTrue(page.contains("투표 대상"));
        assertTrue(page.contains("적격 심사"));
    }

    @Test
    void ineligibleNeedsAReasonCodeAndPublicText() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.SCREENING);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long id = PbFixtures.project(cycle, track, "X", "중복 사업", 100_000_000L, "SUBMITTED");
        Browser budget = staff(Role.BUDGET_STAFF, "GLOBAL", "");
        budget.get("/budgeting/projects/" + id);
        assertEquals(422, budget.post("/budgeting/staff/projects/" + id + "/screen", Map.of("law", "PASS", "cost", "PASS", "scope", "PASS",
                "runningCost", "PASS", "publicReason", "이미 같은 내용의 시 사업이 진행 중이어서 중복입니다.")).statusCode(), "reason code required");
        assertEquals(303, budget.post("/budgeting/staff/projects/" + id + "/screen", Map.of("law", "PASS", "cost", "PASS", "scope", "PASS",
                "runningCost", "PASS", "reasonCode", "DUPLICATE", "publicReason", "이미 같은 내용의 시 사업이 진행 중이어서 중복입니다.")).statusCode());
        assertEquals("INELIGIBLE", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", id));
        assertTrue(new Browser(server.getURI()).get("/budgeting/projects/" + id).body().contains("이미 같은 내용의 시 사업이 진행 중"));
    }

    @Test
    void proposerWithdrawsWithAPublicReasonBeforeVoting() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.SUBMISSION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        Browser citizen = signedIn(TestAccounts.verified(ctx));
        citizen.get("/budgeting/tracks/" + track + "/propose");
        HttpResponse<String> submitted = citizen.post("/budgeting/tracks/" + track + "/propose", Map.of("title", "공원 내 반려견 놀이터",
                "description", "반려견과 시민이 함께 쓰는 공원 놀이터를 만듭니다. 스무 글자 이상.", "category", "공원", "cost", "90000000"));
        long id = Long.parseLong(submitted.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        citizen.get("/budgeting/projects/" + id);
        assertEquals(422, citizen.post("/budgeting/projects/" + id + "/withdraw", Map.of("reason", "짧음")).statusCode());
        Browser other = signedIn(TestAccounts.verified(ctx));
        other.get("/budgeting/projects/" + id);
        assertEquals(403, other.post("/budgeting/projects/" + id + "/withdraw", Map.of("reason", "남의 제안을 철회하려는 시도입니다. 스무 글자 이상.")).statusCode());
        assertEquals(303, citizen.post("/budgeting/projects/" + id + "/withdraw", Map.of("reason", "구청 사업으로 이미 추진되어 제안을 철회합니다.")).statusCode());
        assertEquals("WITHDRAWN", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", id));
        assertEquals(1, audits("pb.project.withdraw", Long.toString(id)));
        assertTrue(new Browser(server.getURI()).get("/budgeting/projects/" + id).body().contains("구청 사업으로 이미 추진되어"));
    }
}
