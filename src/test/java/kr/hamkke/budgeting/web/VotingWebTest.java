package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class VotingWebTest {

    static final Pattern RECEIPT = Pattern.compile("data-receipt>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    Browser signedIn(TestAccounts.TestAccount a) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(a.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    static String receipt(HttpResponse<String> r) {
        Matcher m = RECEIPT.matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    @Test
    void citizenVotesGetsAReceiptAndMayChangeUntilClose() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.VOTING);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long a = PbFixtures.project(cycle, track, "A", "여성이 안전한 공중화장실 설치", 300_000_000L, "ON_BALLOT");
        long b = PbFixtures.project(cycle, track, "B", "전통시장 공유 와이파이 구축", 200_000_000L, "ON_BALLOT");
        var citizen = TestAccounts.verified(ctx);
        Browser browser = signedIn(citizen);

        HttpResponse<String> page = browser.get("/budgeting/tracks/" + track + "/ballot");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-basket"), "basket counter hook");
        assertTrue(page.body().contains("name=\"projectIds\""));

        HttpResponse<String> first = browser.post("/budgeting/tracks/" + track + "/ballot", Map.of("projectIds", Long.toString(a)));
        assertEquals(200, first.statusCode(), first.body());
        String firstCode = receipt(first);

        browser.get("/budgeting/tracks/" + track + "/ballot");
        HttpResponse<String> second = browser.post("/budgeting/tracks/" + track + "/ballot", Map.of("projectIds", Long.toString(b)));
        assertEquals(200, second.statusCode());
        String secondCode = receipt(second);

        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", track));
        assertEquals(b, PbFixtures.count("SELECT project_id FROM pb_ballot_selection s JOIN pb_ballot x ON x.id = s.ballot_id WHERE x.track_id = ?", track),
                "the last ballot counts");
        Browser anon = new Browser(server.getURI());
        assertTrue(anon.get("/budgeting/receipts?code=" + firstCode).body().contains("data-status=\"SUPERSEDED\""));
        assertTrue(anon.get("/budgeting/receipts?code=" + secondCode).body().contains("data-status=\"COUNTED\""));
        assertTrue(anon.get("/budgeting/receipts?code=0000-0000-0000").body().contains("data-status=\"NOT_FOUND\""));
        assertTrue(anon.json("GET", "/api/budgeting/receipts/" + secondCode, null, null).body().contains("COUNTED"));
        assertTrue(anon.json("GET", "/api/budgeting/receipts/" + firstCode, null, null).body().contains("SUPERSEDED"));

        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.ballot.submit' AND summary LIKE ?", "track=" + track + " %"));
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'pb.ballot.change' AND summary LIKE ?", "track=" + track + " %"));
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'pb.ballot.%' AND summary LIKE ?", "%" + b + "%")
                - PbFixtures.count("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'pb.ballot.%' AND summary LIKE ? AND (summary LIKE ? OR summary LIKE ?)",
                "%" + b + "%", "%receipt=%", "%track=%"), "audit never lists selections");
    }

    @Test
    void apiBallotHonoursIdempotencyKeyAndRejectsBadInputWithProblemBodies() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.VOTING);
        long track = PbFixtures.cityTrack(ctx, cycle);
        long a = PbFixtures.project(cycle, track, "A", "사업 A", 100_000_000L, "ON_BALLOT");
        long b = PbFixtures.project(cycle, track, "B", "사업 B", 100_000_000L, "ON_BALLOT");
        long c = PbFixtures.project(cycle, track, "C", "사업 C", 100_000_000L, "ON_BALLOT");
        long d = PbFixtures.project(cycle, track, "D", "사업 D", 100_000_000L, "ON_BALLOT");
        long notOnBallot = PbFixtures.project(cycle, track, "E", "사업 E", 100_000_000L, "FEASIBLE");
        Browser browser = signedIn(TestAccounts.verified(ctx));

        HttpResponse<String> forged = browser.json("POST", "/api/budgeting/tracks/" + track + "/ballot", "{\"projectIds\":[\"" + notOnBallot + "\"]}", null);
        assertEquals(422, forged.statusCode());
        assertTrue(forged.body().contains("budgeting.ballot.UNKNOWN_PROJECT"), forged.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        HttpResponse<String> garbage = browser.json("POST", "/api/budgeting/tracks/" + track + "/ballot", "{\"projectIds\":[\"1 OR 1=1\"]}", null);
        assertEquals(422, garbage.statusCode());
        HttpResponse<String> tooMany = browser.json("POST", "/api/budgeting/tracks/" + track + "/ballot",
                "{\"projectIds\":[\"" + a + "\",\"" + b + "\",\"" + c + "\",\"" + d + "\"]}", null);
        assertEquals(422, tooMany.statusCode());
        assertTrue(tooMany.body().contains("TOO_MANY_PICKS"));
        HttpResponse<String> empty = browser.json("POST", "/api/budgeting/tracks/" + track + "/ballot", "{\"projectIds\":[]}", null);
        assertEquals(422, empty.statusCode());
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", track), "no change");

        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/budgeting/tracks/" + track + "/ballot"))
                .header("Content-Type", "application/json").header("Accept", "application/json").header("Idempotency-Key", "k-" + track)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"projectIds\":[\"" + a + "\"]}")).build();
        HttpResponse<String> one = browser.send(request);
        assertEquals(201, one.statusCode(), one.body());
        HttpResponse<String> again = browser.send(request);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"replayed\":true"));
        assertEquals(1, PbFixtures.count("SELECT version FROM pb_ballot WHERE track_id = ?", track), "replay changed nothing");
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_receipt WHERE track_id = ?", track));

        // the same key for a different ballot is a client bug: refused, and the first ballot stands
        var reused = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/budgeting/tracks/" + track + "/ballot"))
                .header("Content-Type", "application/json").header("Accept", "application/json").header("Idempotency-Key", "k-" + track)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"projectIds\":[\"" + b + "\"]}")).build();
        HttpResponse<String> refused = browser.send(reused);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        assertTrue(refused.body().contains("idempotency.key-reused"), refused.body());
        assertEquals(1, PbFixtures.count("SELECT version FROM pb_ballot WHERE track_id = ?", track), "nothing changed");
        assertEquals(1, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot_selection s JOIN pb_ballot b ON b.id = s.ballot_id"
                + " WHERE b.track_id = ? AND s.project_id = " + a, track), "still the first pick");
    }

    @Test
    void knapsackOverBudgetIsRefusedAndPageShowsErrorSummary() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.VOTING);
        long track = PbFixtures.track(ctx, cycle, "GU", "11440", 500_000_000L, "KNAPSACK", 10, "GREEDY");
        long a = PbFixtures.project(cycle, track, "A", "사업 A", 300_000_000L, "ON_BALLOT");
        long b = PbFixtures.project(cycle, track, "B", "사업 B", 300_000_000L, "ON_BALLOT");
        Browser browser = signedIn(TestAccounts.verified(ctx));
        browser.get("/budgeting/tracks/" + track + "/ballot");
        String body = "_csrf=" + browser.csrf() + "&projectIds=" + a + "&projectIds=" + b;
        HttpResponse<String> r = browser.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/budgeting/tracks/" + track + "/ballot"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("error-summary"));
        assertTrue(r.body().contains("<title>오류: "));
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", track));
        HttpResponse<String> ok = browser.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/budgeting/tracks/" + track + "/ballot"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + browser.csrf() + "&projectIds=" + a)).build());
        assertEquals(200, ok.statusCode());
        assertNotNull(receipt(ok));
    }

    @Test
    void unverifiedUnderageAndOutOfScopeVotersAreRefusedWithTheirReason() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.VOTING);
        long city = PbFixtures.cityTrack(ctx, cycle);
        long mapo = PbFixtures.track(ctx, cycle, "GU", "11440", 500_000_000L, "APPROVAL", 2, "GREEDY");
        long a = PbFixtures.project(cycle, city, "A", "사업 A", 100_000_000L, "ON_BALLOT");
        long m = PbFixtures.project(cycle, mapo, "M", "마포 사업", 100_000_000L, "ON_BALLOT");

        Browser unverified = signedIn(TestAccounts.citizen(ctx));
        HttpResponse<String> r1 = unverified.json("POST", "/api/budgeting/tracks/" + city + "/ballot", "{\"projectIds\":[\"" + a + "\"]}", null);
        assertEquals(403, r1.statusCode());
        assertTrue(r1.body().contains("budgeting.NOT_VERIFIED"), r1.body());

        LocalDate closes = PbFixtures.phasesWithCurrent(PhaseKind.VOTING).get(PhaseKind.VOTING)[1];
        Browser young = signedIn(TestAccounts.verified(ctx, closes.minusYears(14).plusDays(1), "11440"));
        HttpResponse<String> r2 = young.json("POST", "/api/budgeting/tracks/" + city + "/ballot", "{\"projectIds\":[\"" + a + "\"]}", null);
        assertEquals(403, r2.statusCode());
        assertTrue(r2.body().contains("budgeting.UNDER_AGE"), r2.body());
        assertTrue(young.get("/budgeting/tracks/" + city + "/ballot").body().contains("만 14세"));

        Browser fourteen = signedIn(TestAccounts.verified(ctx, closes.minusYears(14), "11440"));
        assertEquals(201, fourteen.json("POST", "/api/budgeting/tracks/" + city + "/ballot", "{\"projectIds\":[\"" + a + "\"]}", null).statusCode(),
                "14 on the closing date may vote");

        Browser jongno = signedIn(TestAccounts.verified(ctx, LocalDate.of(1980, 1, 1), "11110"));
        HttpResponse<String> r3 = jongno.json("POST", "/api/budgeting/tracks/" + mapo + "/ballot", "{\"projectIds\":[\"" + m + "\"]}", null);
        assertEquals(403, r3.statusCode());
        assertTrue(r3.body().contains("budgeting.OUT_OF_SCOPE"), r3.body());
        assertEquals(201, jongno.json("POST", "/api/budgeting/tracks/" + city + "/ballot", "{\"projectIds\":[\"" + a + "\"]}", null).statusCode());
        assertEquals(0, PbFixtures.count("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ?", mapo));
    }

    @Test
    void publicApiListsCyclesAndProjects() {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.VOTING);
        long track = PbFixtures.cityTrack(ctx, cycle);
        PbFixtures.project(cycle, track, "A", "공공 와이파이 사각지대 해소", 100_000_000L, "ON_BALLOT");
        Browser anon = new Browser(server.getURI());
        HttpResponse<String> cycles = anon.json("GET", "/api/budgeting/cycles", null, null);
        assertEquals(200, cycles.statusCode());
        assertTrue(cycles.body().contains("\"current\":\"VOTING\""), cycles.body());
        HttpResponse<String> projects = anon.json("GET", "/api/budgeting/tracks/" + track + "/projects", null, null);
        assertEquals(200, projects.statusCode());
        assertTrue(projects.body().contains("공공 와이파이 사각지대 해소"));
        assertEquals(404, anon.json("GET", "/api/budgeting/tracks/" + track + "/results", null, null).statusCode());
        assertEquals(401, anon.json("POST", "/api/budgeting/tracks/" + track + "/ballot", "{\"projectIds\":[]}", null).statusCode());
        HttpResponse<String> home = anon.get("/");
        assertTrue(home.body().contains("href=\"/budgeting\""), "navigation entry and home card");
    }
}
