package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

/** Proposers hear about every status change of their project; duplicates merge and keep both histories. */
@MicronautTest(transactional = false)
class MergeAndNoticesTest {

    static final String REASON = "같은 공원에 같은 그늘막을 요청한 두 제안이라 하나로 합쳐 검토합니다.";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    Browser signedIn(TestAccounts.TestAccount a) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(a.email(), TestAccounts.PASSWORD).statusCode());
        b.get("/budgeting");
        return b;
    }

    Browser staff(Role role, String scopeType, String scopeId) {
        return signedIn(TestAccounts.withRole(ctx, role, scopeType, scopeId));
    }

    static long notices(long accountId, long projectId) {
        return PbFixtures.count("SELECT COUNT(*) FROM notification WHERE account_id = ? AND link = ?", accountId, "/budgeting/projects/" + projectId);
    }

    static long projectOf(long proposer, long cycle, long track, String title, String status) {
        long id = PbFixtures.project(cycle, track, "M", title, 100_000_000L, status);
        PbFixtures.exec("UPDATE pb_project SET proposer_id = ? WHERE id = ?", proposer, id);
        return id;
    }

    @Test
    void theProposerIsToldOfEachStatusChangeButNotOfTheirOwn() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.SUBMISSION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        var proposer = TestAccounts.verified(ctx);
        Browser citizen = signedIn(proposer);
        citizen.get("/budgeting/tracks/" + track + "/propose");
        HttpResponse<String> submitted = citizen.post("/budgeting/tracks/" + track + "/propose", Map.of("title", "어린이 공원 그늘막 설치",
                "description", "놀이터에 햇빛을 가리는 그늘막을 설치해 여름에도 안전하게 놀 수 있게 합니다.", "category", "환경", "cost", "150000000"));
        long id = Long.parseLong(submitted.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        assertEquals(0, notices(proposer.id(), id), "no notice for one's own submission");

        StaffWebTest.setPhase(cycle, PhaseKind.SCREENING);
        Browser budget = staff(Role.BUDGET_STAFF, "GLOBAL", "");
        assertEquals(303, budget.post("/budgeting/staff/projects/" + id + "/screen", Map.of("law", "PASS", "duplicate", "PASS", "cost", "PASS",
                "scope", "PASS", "runningCost", "PASS")).statusCode());
        assertEquals(1, notices(proposer.id(), id));
        assertTrue(PbFixtures.string("SELECT message FROM notification WHERE account_id = ? ORDER BY id DESC LIMIT 1", proposer.id())
                .contains("「어린이 공원 그늘막 설치」의 상태가 바뀌었습니다: 적격"));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", proposer.email()), "and an e-mail");

        StaffWebTest.setPhase(cycle, PhaseKind.FEASIBILITY);
        Browser reviewer = staff(Role.DEPT_REVIEWER, "ORG_UNIT", "RECYCLE");
        assertEquals(422, reviewer.post("/budgeting/staff/projects/" + id + "/review", Map.of("verdict", "INFEASIBLE", "reason", "짧음")).statusCode());
        assertEquals(1, notices(proposer.id(), id), "a refused change tells nobody");
        assertEquals(303, reviewer.post("/budgeting/staff/projects/" + id + "/review", Map.of("verdict", "INFEASIBLE",
                "reason", "설치 예정지가 문화재 보호구역이라 구조물을 세울 수 없습니다.")).statusCode());
        assertEquals(2, notices(proposer.id(), id));
        assertTrue(PbFixtures.string("SELECT message FROM notification WHERE account_id = ? ORDER BY id DESC LIMIT 1", proposer.id())
                .contains("실현 불가 (사유: 설치 예정지가 문화재 보호구역이라"), "the public reason is in the notice");
        assertTrue(citizen.get("/notifications").body().contains("어린이 공원 그늘막 설치"));
    }

    @Test
    void aDuplicateMergesIntoASimilarProjectAndBothKeepTheirHistory() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.SCREENING);
        long track = PbFixtures.cityTrack(ctx, cycle);
        var first = TestAccounts.verified(ctx);
        var second = TestAccounts.verified(ctx);
        long survivor = projectOf(first.id(), cycle, track, "망원한강공원 그늘막 설치", "ELIGIBLE");
        long duplicate = projectOf(second.id(), cycle, track, "한강공원 그늘막 설치 요청", "SUBMITTED");
        PbFixtures.exec("INSERT INTO pb_project_event (project_id, occurred_at, actor_role, action, from_status, to_status) "
                + "VALUES (?, NOW(6), 'CITIZEN', 'submit', 'DRAFT', 'SUBMITTED')", duplicate);
        String survivorCode = PbFixtures.string("SELECT code FROM pb_project WHERE id = ?", survivor);
        Browser budget = staff(Role.BUDGET_STAFF, "GLOBAL", "");
        assertTrue(budget.get("/budgeting/projects/" + duplicate).body().contains("action=\"/budgeting/staff/projects/" + duplicate + "/merge\""),
                "staff see the merge form");

        assertEquals(303, budget.post("/budgeting/staff/projects/" + duplicate + "/merge", Map.of("survivor", survivorCode, "reason", REASON))
                .statusCode());
        assertEquals("MERGED", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", duplicate));
        assertEquals(survivor, PbFixtures.count("SELECT merged_into FROM pb_project WHERE id = ?", duplicate));
        assertEquals("ELIGIBLE", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", survivor), "the survivor carries on");
        assertEquals(2, PbFixtures.count("SELECT COUNT(*) FROM pb_project_event WHERE project_id = ?", duplicate),
                "the duplicate keeps its history and gains the merge");
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_project_event WHERE project_id = ? AND action = 'merge-in'", survivor));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.project.merge' AND subject_id = ?", Long.toString(duplicate)));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.project.merge-in' AND subject_id = ?", Long.toString(survivor)));
        assertEquals(1, notices(second.id(), duplicate), "the merged project's proposer is told");
        assertEquals(1, notices(first.id(), survivor), "and so is the survivor's");

        Browser anyone = new Browser(server.getURI());
        String merged = anyone.get("/budgeting/projects/" + duplicate).body();
        assertTrue(merged.contains("이 제안은 비슷한 제안과 합쳐졌습니다"), "the public page says so");
        assertTrue(merged.contains("href=\"/budgeting/projects/" + survivor + "\""), "and links to the surviving project");
        assertTrue(merged.contains("같은 공원에 같은 그늘막을 요청한"), "with the public reason");
        String kept = anyone.get("/budgeting/projects/" + survivor).body();
        assertTrue(kept.contains("href=\"/budgeting/projects/" + duplicate + "\""), "the survivor lists what was merged into it");
    }

    @Test
    void mergesAreRefusedWhenTheyWouldLoseOrTangleHistory() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.FEASIBILITY);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long otherTrack = PbFixtures.cityTrack(ctx, cycle);
        var p = TestAccounts.verified(ctx);
        long a = projectOf(p.id(), cycle, track, "사업 A", "ELIGIBLE");
        long b = projectOf(p.id(), cycle, track, "사업 B", "ELIGIBLE");
        long elsewhere = projectOf(p.id(), cycle, otherTrack, "다른 트랙 사업", "ELIGIBLE");
        long rejected = projectOf(p.id(), cycle, track, "부적격 사업", "INELIGIBLE");
        Browser budget = staff(Role.BUDGET_STAFF, "GLOBAL", "");
        String path = "/budgeting/staff/projects/" + a + "/merge";

        assertEquals(422, budget.post(path, Map.of("survivor", Long.toString(a), "reason", REASON)).statusCode(), "into itself");
        assertEquals(422, budget.post(path, Map.of("survivor", Long.toString(elsewhere), "reason", REASON)).statusCode(), "across tracks");
        assertEquals(422, budget.post(path, Map.of("survivor", "PB-없는-번호", "reason", REASON)).statusCode(), "unknown code");
        assertEquals(422, budget.post(path, Map.of("survivor", Long.toString(b), "reason", "짧음")).statusCode(), "reason too short");
        assertEquals(409, budget.post(path, Map.of("survivor", Long.toString(rejected), "reason", REASON)).statusCode(), "into a rejected project");
        Browser reviewer = staff(Role.DEPT_REVIEWER, "ORG_UNIT", "RECYCLE");
        assertEquals(403, reviewer.post(path, Map.of("survivor", Long.toString(b), "reason", REASON)).statusCode(), "staff only");
        StaffWebTest.setPhase(cycle, PhaseKind.VOTING);
        assertEquals(403, budget.post(path, Map.of("survivor", Long.toString(b), "reason", REASON)).statusCode(), "not once voting opened");
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_project WHERE track_id IN (?, ?) AND (status = 'MERGED' OR merged_into IS NOT NULL)",
                track, otherTrack), "nothing merged");
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_project_event WHERE project_id IN (?, ?)", a, b));
    }

    @Test
    void twoOppositeMergesAtOnceCannotBothSucceed() throws Exception {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.SCREENING);
        long track = PbFixtures.cityTrack(ctx, cycle);
        var p = TestAccounts.verified(ctx);
        Browser budget = staff(Role.BUDGET_STAFF, "GLOBAL", "");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                long a = projectOf(p.id(), cycle, track, "사업 A" + round, "SUBMITTED");
                long b = projectOf(p.id(), cycle, track, "사업 B" + round, "SUBMITTED");
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    long from = i % 2 == 0 ? a : b;
                    long to = i % 2 == 0 ? b : a;
                    calls.add(() -> {
                        start.await();
                        return budget.post("/budgeting/staff/projects/" + from + "/merge", Map.of("survivor", Long.toString(to), "reason", REASON))
                                .statusCode();
                    });
                }
                List<Future<Integer>> futures = new ArrayList<>();
                calls.forEach(c -> futures.add(pool.submit(c)));
                start.countDown();
                int ok = 0;
                for (Future<Integer> f : futures) {
                    int status = f.get();
                    assertTrue(status == 303 || status == 409, "merge answered " + status);
                    ok += status == 303 ? 1 : 0;
                }
                assertEquals(1, ok, "exactly one merge wins");
                assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_project WHERE id IN (?, ?) AND status = 'MERGED'", a, b));
                assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_project WHERE id IN (?, ?) AND merged_into IS NOT NULL", a, b));
                assertFalse(PbFixtures.count("SELECT COUNT(*) FROM pb_project x JOIN pb_project y ON x.merged_into = y.id AND y.merged_into = x.id "
                        + "WHERE x.id IN (?, ?)", a, b) > 0, "no merge cycle");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
