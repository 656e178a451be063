package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

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

/** HANDED_OFF → RESPONDED happens by itself when the last adopted proposal of the cycle gets its response. */
@MicronautTest(transactional = false)
class RespondedTransitionWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser reviewer(String unit) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", unit).email(), TestAccounts.PASSWORD).statusCode());
        b.get("/assembly/responses");
        return b;
    }

    /** A handed-off cycle with two adopted proposals, one for each unit. */
    private static List<String> handedOff(long cycle, String unitA, String unitB) throws Exception {
        AssemblyFixtures.exec("UPDATE assembly_cycle SET status = 'HANDED_OFF' WHERE id = " + cycle);
        int rank = 1;
        for (String unit : List.of(unitA, unitB)) {
            AssemblyFixtures.exec("INSERT INTO assembly_policy_proposal (cycle_id, title, body, yes_votes, no_votes, abstain_votes, yes_share,"
                    + " rank_no, org_unit_code, handed_off_at, response_due) VALUES (" + cycle + ", '제안 " + rank + "', '본문', 5, 1, 0, 0.8333, "
                    + rank + ", '" + unit + "', UTC_TIMESTAMP(6), DATE_ADD(CURDATE(), INTERVAL 60 DAY))");
            rank++;
        }
        return strings("SELECT id FROM assembly_policy_proposal WHERE cycle_id = " + cycle + " ORDER BY rank_no");
    }

    private static String status(long cycle) throws Exception {
        return string("SELECT status FROM assembly_cycle WHERE id = " + cycle);
    }

    @Test
    void theLastResponseMovesTheCycleToResponded() throws Exception {
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        List<String> proposals = handedOff(cycle, "RECYCLE", "RECYCLE");
        Browser reviewer = reviewer("RECYCLE");
        Map<String, String> answer = Map.of("response", "ACCEPTED", "text", "내년 예산에 반영하여 시행하겠습니다. 진행 상황을 공개합니다.");
        assertEquals(303, reviewer.post("/assembly/proposals/" + proposals.get(0) + "/respond", answer).statusCode());
        assertEquals("HANDED_OFF", status(cycle), "one proposal still waits for its response");
        assertEquals(422, reviewer.post("/assembly/proposals/" + proposals.get(1) + "/respond", Map.of("response", "ACCEPTED", "text", "짧음")).statusCode());
        assertEquals("HANDED_OFF", status(cycle), "a refused response changes nothing");
        assertEquals(303, reviewer.post("/assembly/proposals/" + proposals.get(1) + "/respond", answer).statusCode());
        assertEquals("RESPONDED", status(cycle));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.cycle.status' AND subject_id = '" + cycle
                + "' AND summary LIKE 'HANDED_OFF -> RESPONDED%'"));
    }

    @Test
    void twoLastResponsesAtOnceStillMoveTheCycleOnce() throws Exception {
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        List<String> proposals = handedOff(cycle, "RECYCLE", "MAYOR");
        List<Browser> reviewers = List.of(reviewer("RECYCLE"), reviewer("MAYOR"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Browser b = reviewers.get(i);
                String p = proposals.get(i);
                calls.add(() -> b.post("/assembly/proposals/" + p + "/respond",
                        Map.of("response", "LONG_TERM", "text", "관계 부서와 협의하여 장기적으로 검토하겠습니다.")).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(303, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals("RESPONDED", status(cycle));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.cycle.status' AND subject_id = '" + cycle
                + "' AND summary LIKE 'HANDED_OFF -> RESPONDED%'"));
    }
}
