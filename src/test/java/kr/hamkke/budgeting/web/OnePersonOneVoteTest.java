package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OnePersonOneVoteTest {

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
    void hundredConcurrentAttemptsAcrossChannelsLeaveExactlyOneBallot() throws Exception {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.VOTING);
        long track = PbFixtures.track(ctx, cycle, "GU", "11440", 500_000_000L, "APPROVAL", 2, "GREEDY");
        long a = PbFixtures.project(cycle, track, "A", "사업 A", 100_000_000L, "ON_BALLOT");
        long b = PbFixtures.project(cycle, track, "B", "사업 B", 100_000_000L, "ON_BALLOT");
        LocalDate birth = LocalDate.of(1977, 7, 7);
        var voter = TestAccounts.verified(ctx, birth, "11440");
        Browser online = signedIn(voter);
        Browser officer = signedIn(TestAccounts.withRole(ctx, Role.DISTRICT_OFFICER, "GU", "11440"));
        officer.get("/budgeting/booth/" + track);

        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<int[]> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            final int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                long pick = n % 3 == 0 ? a : b;
                HttpResponse<String> r = n % 2 == 0
                        ? online.json("POST", "/api/budgeting/tracks/" + track + "/ballot", "{\"projectIds\":[\"" + pick + "\"]}", null)
                        : officer.post("/budgeting/booth/" + track + "/ballot", Map.of("email", voter.email(), "birthDate", birth.toString(),
                                "projectIds", Long.toString(pick)));
                outcomes.add(new int[] {n % 2, r.statusCode()});
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", track), "exactly one ballot row");
        long onlineOk = outcomes.stream().filter(o -> o[0] == 0 && o[1] == 201).count();
        long boothOk = outcomes.stream().filter(o -> o[0] == 1 && o[1] == 200).count();
        assertTrue(outcomes.stream().allMatch(o -> o[1] == 200 || o[1] == 201 || o[1] == 409),
                () -> outcomes.stream().map(o -> o[0] + ":" + o[1]).toList().toString());
        String source = PbFixtures.string("SELECT source FROM pb_ballot WHERE track_id = ?", track);
        long version = PbFixtures.count("SELECT version FROM pb_ballot WHERE track_id = ?", track);
        if ("ONLINE".equals(source)) {
            assertEquals(0, boothOk, "no booth ballot next to an online one");
            assertEquals(onlineOk, version, "every accepted online submit is one version");
            assertEquals(onlineOk, PbFixtures.count("SELECT COUNT(*) FROM pb_receipt WHERE track_id = ?", track));
            assertEquals(onlineOk, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action IN ('pb.ballot.submit','pb.ballot.change') AND summary LIKE ?",
                    "track=" + track + " %"));
        } else {
            assertEquals("BOOTH", source);
            assertEquals(1, boothOk);
            assertEquals(0, onlineOk);
        }
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_receipt WHERE track_id = ? AND superseded_at IS NULL", track));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot_selection s JOIN pb_ballot x ON x.id = s.ballot_id WHERE x.track_id = ?", track));
    }

    @Test
    void paperSheetLocksTheIdentityAndIsEnteredOnce() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.VOTING);
        long track = PbFixtures.track(ctx, cycle, "GU", "11440", 500_000_000L, "APPROVAL", 2, "GREEDY");
        long a = PbFixtures.project(cycle, track, "A", "사업 A", 100_000_000L, "ON_BALLOT");
        long b = PbFixtures.project(cycle, track, "B", "사업 B", 100_000_000L, "ON_BALLOT");
        LocalDate birth = LocalDate.of(1966, 6, 6);
        var voter = TestAccounts.verified(ctx, birth, "11440");
        Browser officer = signedIn(TestAccounts.withRole(ctx, Role.DISTRICT_OFFICER, "GU", "11440"));
        officer.get("/budgeting/booth/" + track);
        assertEquals(422, officer.post("/budgeting/booth/" + track + "/paper/issue", Map.of("email", voter.email(),
                "birthDate", "1966-06-07", "serial", "S-0001", "booth", "마포구청")).statusCode(), "identity check");
        String serial = "S-" + track;
        assertEquals(303, officer.post("/budgeting/booth/" + track + "/paper/issue", Map.of("email", voter.email(),
                "birthDate", birth.toString(), "serial", serial, "booth", "마포구청")).statusCode());
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.paper.issue' AND summary LIKE ?", "track=" + track + " %"));

        Browser online = signedIn(voter);
        HttpResponse<String> refused = online.json("POST", "/api/budgeting/tracks/" + track + "/ballot", "{\"projectIds\":[\"" + a + "\"]}", null);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("budgeting.voted-paper"));

        HttpResponse<String> entry = officer.post("/budgeting/booth/" + track + "/paper/enter", Map.of("serial", serial, "projectIds", Long.toString(a)));
        assertEquals(303, entry.statusCode());
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", track), "one keying is not enough");
        assertEquals(409, officer.post("/budgeting/booth/" + track + "/paper/enter", Map.of("serial", serial, "projectIds", Long.toString(a))).statusCode(),
                "officer B must be someone else");
        Browser officerB = signedIn(TestAccounts.withRole(ctx, Role.DISTRICT_OFFICER, "GU", "11440"));
        officerB.get("/budgeting/booth/" + track);
        assertEquals(409, officerB.post("/budgeting/booth/" + track + "/paper/enter", Map.of("serial", serial, "projectIds", Long.toString(b))).statusCode(),
                "a mismatch is queued");
        assertTrue(officerB.get("/budgeting/booth/" + track).body().contains(serial));
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", track));
        assertEquals(303, officerB.post("/budgeting/booth/" + track + "/paper/enter", Map.of("serial", serial, "projectIds", Long.toString(a))).statusCode());
        assertEquals(409, officerB.post("/budgeting/booth/" + track + "/paper/enter", Map.of("serial", serial, "projectIds", Long.toString(a))).statusCode());
        assertEquals("PAPER", PbFixtures.string("SELECT source FROM pb_ballot WHERE track_id = ?", track));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", track));

        Browser otherGu = signedIn(TestAccounts.withRole(ctx, Role.DISTRICT_OFFICER, "GU", "11110"));
        otherGu.get("/budgeting/booth/" + track);
        assertEquals(403, otherGu.post("/budgeting/booth/" + track + "/paper/issue", Map.of("email", voter.email(),
                "birthDate", birth.toString(), "serial", "S-X" + track, "booth", "종로구청")).statusCode(), "officers work in their own 자치구");
    }
}
