package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.budgeting.service.TallyService;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TallyWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    Browser budgetStaff() {
        var a = TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", "");
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(a.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    @Test
    void channelWeightsDecideTheWinner() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.TALLY);
        long track = PbFixtures.track(ctx, cycle, "CITY", null, 100_000_000L, "APPROVAL", 1, "GREEDY");
        long a = PbFixtures.project(cycle, track, "A", "시민 다수 사업", 100_000_000L, "ON_BALLOT");
        long b = PbFixtures.project(cycle, track, "B", "위원 지지 사업", 100_000_000L, "ON_BALLOT");
        for (int i = 0; i < 3; i++) {
            PbFixtures.ballot(track, "CITIZEN", a);
        }
        PbFixtures.ballot(track, "CITIZEN", b);
        PbFixtures.ballot(track, "COMMITTEE", b);
        // Raw counts: A 3, B 2. Weighted (50/40 renormalised, no 예산학교 ballots): A 3·(5/9)/4 = 5/12, B (5/9)/4 + 4/9 = 7/12.
        Browser staff = budgetStaff();
        staff.get("/budgeting/staff/tracks/" + track + "/tally");
        assertEquals(303, staff.post("/budgeting/staff/tracks/" + track + "/tally", Map.of()).statusCode());
        TallyService tallies = ctx.getBean(TallyService.class);
        TallyService.Result r = tallies.latest(track).orElseThrow();
        assertEquals(List.of(b), r.winners().stream().map(TallyService.Line::projectId).toList());
        assertEquals("7/12", r.lines().get(0).scoreExact());
        assertEquals("50/40/10", r.weights());
        assertEquals("4/1/0", r.counts());
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.tally.run' AND subject_id = ?", Long.toString(track)));

        assertEquals(404, new Browser(server.getURI()).get("/budgeting/tracks/" + track + "/results").statusCode(), "hidden until published");
        staff.get("/budgeting/staff/tracks/" + track + "/tally");
        assertEquals(303, staff.post("/budgeting/staff/tracks/" + track + "/publish", Map.of()).statusCode());
        assertEquals("SELECTED", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", b));
        assertEquals("NOT_SELECTED", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", a));
        HttpResponse<String> page = new Browser(server.getURI()).get("/budgeting/tracks/" + track + "/results");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<svg"));
        assertTrue(page.body().contains("&lt;10"), "small cells are suppressed");
        assertTrue(page.body().contains("이내라 선정"), "one Korean explanation per project");
        HttpResponse<String> api = new Browser(server.getURI()).json("GET", "/api/budgeting/tracks/" + track + "/results", null, null);
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("\"funded\":true"));
        assertEquals(409, staff.post("/budgeting/staff/tracks/" + track + "/tally", Map.of()).statusCode(), "no recount after publication");
    }

    @Test
    void exclusionNeedsAPublicReasonAndIsShownOnResults() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.TALLY);
        long track = PbFixtures.track(ctx, cycle, "CITY", null, 100_000_000L, "APPROVAL", 2, "GREEDY");
        long a = PbFixtures.project(cycle, track, "A", "법적 하자 사업", 100_000_000L, "ON_BALLOT");
        long b = PbFixtures.project(cycle, track, "B", "다음 사업", 100_000_000L, "ON_BALLOT");
        PbFixtures.ballot(track, "CITIZEN", a, b);
        PbFixtures.ballot(track, "CITIZEN", a);
        Browser staff = budgetStaff();
        staff.get("/budgeting/staff/tracks/" + track + "/tally");
        staff.post("/budgeting/staff/tracks/" + track + "/tally", Map.of());
        assertEquals(422, staff.post("/budgeting/staff/tracks/" + track + "/exclude", Map.of("projectId", Long.toString(a), "reason", "하자")).statusCode());
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_tally_exclusion WHERE track_id = ?", track));
        assertEquals(303, staff.post("/budgeting/staff/tracks/" + track + "/exclude", Map.of("projectId", Long.toString(a),
                "reason", "사업 부지가 개발제한구역으로 확인되어 법령상 집행할 수 없습니다.")).statusCode());
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.tally.exclude' AND subject_id = ?", Long.toString(a)));
        staff.post("/budgeting/staff/tracks/" + track + "/publish", Map.of());
        String page = new Browser(server.getURI()).get("/budgeting/tracks/" + track + "/results").body();
        assertTrue(page.contains("개발제한구역으로 확인되어"));
        assertEquals("SELECTED", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", b));
        assertEquals("NOT_SELECTED", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", a));
    }

    @Test
    void pabulibExportThenImportGivesTheSameResult() {
        for (String allocation : List.of("GREEDY", "MES")) {
            long cycle = PbFixtures.cycle(ctx, PhaseKind.TALLY);
            long track = PbFixtures.track(ctx, cycle, "CITY", null, 1_000_000_000L, "APPROVAL", 3, allocation);
            long[] p = new long[8];
            for (int i = 0; i < p.length; i++) {
                p[i] = PbFixtures.project(cycle, track, "P" + i, "사업 " + i, 100_000_000L + 70_000_000L * i, "ON_BALLOT");
            }
            java.util.Random random = new java.util.Random(7 + allocation.length());
            String[] groups = {"CITIZEN", "CITIZEN", "CITIZEN", "COMMITTEE", "BUDGET_SCHOOL"};
            for (int v = 0; v < 60; v++) {
                java.util.Set<Long> picks = new java.util.LinkedHashSet<>();
                int k = 1 + random.nextInt(3);
                while (picks.size() < k) {
                    picks.add(p[random.nextInt(p.length)]);
                }
                PbFixtures.ballot(track, groups[random.nextInt(groups.length)], picks.stream().mapToLong(Long::longValue).toArray());
            }
            Browser staff = budgetStaff();
            staff.get("/budgeting/staff/tracks/" + track + "/tally");
            staff.post("/budgeting/staff/tracks/" + track + "/tally", Map.of());
            TallyService tallies = ctx.getBean(TallyService.class);
            List<String> original = tallies.selectedCodes(track);
            assertTrue(!original.isEmpty());
            HttpResponse<String> pb = staff.get("/budgeting/tracks/" + track + "/ballots.pb");
            assertEquals(200, pb.statusCode());
            assertTrue(pb.body().contains("voter_group"));
            staff.get("/budgeting/staff");
            HttpResponse<String> imported = staff.post("/budgeting/staff/import", Map.of("pb", pb.body()));
            assertEquals(303, imported.statusCode(), imported.body());
            long recount = Long.parseLong(imported.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
            List<String> again = tallies.selectedCodes(recount).stream().map(c -> c.substring(c.indexOf('-') + 1)).toList();
            assertEquals(original, again, allocation);
            assertEquals(tallies.latest(track).orElseThrow().inputsHash().length(), 64);
            assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.pabulib.import' AND subject_id = ?", Long.toString(recount)));
        }
    }
}
