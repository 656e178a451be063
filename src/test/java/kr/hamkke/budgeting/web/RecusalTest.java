package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

/** B3: a committee member tied to the proposer recuses; the record is public and blocks their decision. */
@MicronautTest(transactional = false)
class RecusalTest {

    static final Map<String, String> ON_BALLOT = Map.of("decision", "ON_BALLOT");
    static final String NOTE = "제안 단체와 최근 2년간 용역 계약을 맺었습니다.";

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

    @Test
    void aRecusedMemberTakesNoDecisionAndTheRecordIsPublic() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long id = PbFixtures.project(cycle, track, "R", "주민 공유 텃밭 조성", 80_000_000L, "FEASIBLE");
        var member = TestAccounts.withRole(ctx, Role.PANEL_MEMBER, "GLOBAL", "");
        PbFixtures.schoolCompleted(cycle, member.id());
        Browser tied = signedIn(member);
        String path = "/budgeting/staff/projects/" + id;

        assertEquals(422, tied.post(path + "/recuse", Map.of("ground", "CONTRACT", "note", "짧음")).statusCode());
        assertEquals(422, tied.post(path + "/recuse", Map.of("ground", "FRIEND", "note", NOTE)).statusCode());
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_recusal WHERE project_id = ?", id), "bad input records nothing");
        assertEquals(303, tied.post(path + "/recuse", Map.of("ground", "CONTRACT", "note", NOTE)).statusCode());
        assertEquals(409, tied.post(path + "/recuse", Map.of("ground", "CONTRACT", "note", NOTE)).statusCode(), "once per member");
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.project.recuse' AND subject_id = ?", Long.toString(id)));

        assertEquals(403, tied.post(path + "/shortlist", ON_BALLOT).statusCode(), "the recused member cannot decide");
        assertEquals("FEASIBLE", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", id));
        String own = tied.get("/budgeting/projects/" + id).body();
        assertFalse(own.contains("/shortlist\""), "no decision form for the recused member");

        String pub = new Browser(server.getURI()).get("/budgeting/projects/" + id).body();
        assertTrue(pub.contains("위원 회피 기록") && pub.contains(NOTE), "the recusal is public");
        assertFalse(pub.contains(member.email()), "without the member's identity");

        var otherMember = TestAccounts.withRole(ctx, Role.PANEL_MEMBER, "GLOBAL", "");
        PbFixtures.schoolCompleted(cycle, otherMember.id());
        Browser other = signedIn(otherMember);
        assertEquals(303, other.post(path + "/shortlist", ON_BALLOT).statusCode(), "another member decides");
        assertEquals("ON_BALLOT", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", id));

        Browser citizen = signedIn(TestAccounts.verified(ctx));
        assertEquals(403, citizen.post(path + "/recuse", Map.of("ground", "FAMILY", "note", NOTE)).statusCode(), "members only");
    }

    @Test
    void aMemberWhoProposedTheProjectIsRecusedWithoutDeclaring() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long id = PbFixtures.project(cycle, track, "R", "골목 화단 가꾸기", 30_000_000L, "FEASIBLE");
        var member = TestAccounts.withRole(ctx, Role.PANEL_MEMBER, "GLOBAL", "");
        PbFixtures.exec("UPDATE pb_project SET proposer_id = ? WHERE id = ?", member.id(), id);
        PbFixtures.schoolCompleted(cycle, member.id()); // so the refusal is for the recusal, not 예산학교
        Browser proposer = signedIn(member);
        assertEquals(403, proposer.post("/budgeting/staff/projects/" + id + "/shortlist", ON_BALLOT).statusCode());
        assertEquals("FEASIBLE", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", id));
    }

    @Test
    void concurrentDoubleDeclarationsRecordOnce() throws Exception {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.DELIBERATION);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long id = PbFixtures.project(cycle, track, "R", "마을 공유 창고", 40_000_000L, "FEASIBLE");
        Browser member = signedIn(TestAccounts.withRole(ctx, Role.PANEL_MEMBER, "GLOBAL", ""));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return member.post("/budgeting/staff/projects/" + id + "/recuse", Map.of("ground", "FAMILY", "note", NOTE)).statusCode();
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Integer> f : answers) {
                int status = f.get();
                assertTrue(status == 303 || status == 409, "answered " + status);
                ok += status == 303 ? 1 : 0;
            }
            assertEquals(1, ok);
            assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_recusal WHERE project_id = ?", id));
            assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_project_event WHERE project_id = ? AND action = 'recuse'", id));
        } finally {
            pool.shutdownNow();
        }
    }
}
