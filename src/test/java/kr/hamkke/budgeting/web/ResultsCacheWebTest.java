package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** The results page body is cached per track, published run and language: never stale across runs, never per user. */
@MicronautTest(transactional = false)
class ResultsCacheWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    Browser signedIn(TestAccounts.TestAccount a) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(a.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    String results(Browser b, long track) {
        HttpResponse<String> page = b.get("/budgeting/tracks/" + track + "/results");
        assertEquals(200, page.statusCode());
        return page.body();
    }

    /** A track with two projects, only one affordable; A has 3 ballots, B 1. Tallied and published. */
    long publishedTrack(Browser staff, long[] projects) {
        long cycle = PbFixtures.cycle(ctx, PhaseKind.TALLY);
        long track = PbFixtures.track(ctx, cycle, "CITY", null, 100_000_000L, "APPROVAL", 1, "GREEDY");
        projects[0] = PbFixtures.project(cycle, track, "A", "캐시 첫 사업", 100_000_000L, "ON_BALLOT");
        projects[1] = PbFixtures.project(cycle, track, "B", "캐시 둘째 사업", 100_000_000L, "ON_BALLOT");
        for (int i = 0; i < 3; i++) {
            PbFixtures.ballot(track, "CITIZEN", projects[0]);
        }
        PbFixtures.ballot(track, "CITIZEN", projects[1]);
        tallyAndPublish(staff, track);
        return track;
    }

    void tallyAndPublish(Browser staff, long track) {
        staff.get("/budgeting/staff/tracks/" + track + "/tally");
        assertEquals(303, staff.post("/budgeting/staff/tracks/" + track + "/tally", Map.of()).statusCode());
        staff.get("/budgeting/staff/tracks/" + track + "/tally");
        assertEquals(303, staff.post("/budgeting/staff/tracks/" + track + "/publish", Map.of()).statusCode());
    }

    @Test
    void aRepublishedTallyShowsTheNewResultsAtOnce() {
        Browser staff = signedIn(TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", ""));
        long[] p = new long[2];
        long track = publishedTrack(staff, p);
        Browser visitor = new Browser(server.getURI());
        String first = results(visitor, track);
        assertTrue(first.contains("4/0/0"), "run 1 counts 4 citizen ballots");

        // Within the TTL the cached body is served: a title change in the database does not show yet (proves the
        // cache is in effect, so the next step really tests invalidation).
        PbFixtures.exec("UPDATE pb_project SET title = '캐시 바뀐 제목' WHERE id = ?", p[0]);
        assertTrue(results(visitor, track).contains("캐시 첫 사업"));
        assertFalse(results(visitor, track).contains("캐시 바뀐 제목"));

        // A correction: the published run is withdrawn, more ballots are counted, a new run is published.
        PbFixtures.exec("UPDATE pb_tally SET published_at = NULL WHERE track_id = ?", track);
        PbFixtures.exec("UPDATE pb_project SET status = 'ON_BALLOT' WHERE track_id = ?", track);
        assertEquals(404, visitor.get("/budgeting/tracks/" + track + "/results").statusCode(), "no published run, no page");
        for (int i = 0; i < 3; i++) {
            PbFixtures.ballot(track, "CITIZEN", p[1]);
        }
        tallyAndPublish(staff, track);
        String second = results(visitor, track);
        assertTrue(second.contains("7/0/0"), "the new run's counts, not the cached ones");
        assertFalse(second.contains("4/0/0"));
        assertTrue(second.contains("캐시 바뀐 제목"), "the new run is rendered afresh");
        assertEquals("SELECTED", PbFixtures.string("SELECT status FROM pb_project WHERE id = ?", p[1]));
    }

    @Test
    void aSignedInVisitorNeverSeesAnotherVisitorsNameOrToken() {
        Browser staff = signedIn(TestAccounts.withRole(ctx, Role.BUDGET_STAFF, "GLOBAL", ""));
        long track = publishedTrack(staff, new long[2]);
        var a = TestAccounts.verified(ctx);
        var b = TestAccounts.verified(ctx);
        String nickA = PbFixtures.string("SELECT nickname FROM account WHERE id = ?", a.id());
        String nickB = PbFixtures.string("SELECT nickname FROM account WHERE id = ?", b.id());
        Browser browserA = signedIn(a);
        Browser browserB = signedIn(b);

        String pageA = results(browserA, track);   // fills the cache
        String tokenA = browserA.csrf();
        String pageB = results(browserB, track);   // served from it
        String tokenB = browserB.csrf();
        String anonymous = results(new Browser(server.getURI()), track);

        assertNotNull(tokenA);
        assertNotNull(tokenB);
        assertNotEquals(tokenA, tokenB);
        assertTrue(pageA.contains(nickA) && pageA.contains(tokenA));
        assertTrue(pageB.contains(nickB) && pageB.contains(tokenB), "B's own header and CSRF token");
        assertFalse(pageB.contains(nickA), "never A's name");
        assertFalse(pageB.contains(tokenA), "never A's token");
        assertFalse(anonymous.contains(nickA) || anonymous.contains(nickB) || anonymous.contains(tokenA) || anonymous.contains(tokenB));
        assertTrue(anonymous.contains("/signin"));
        // the cached body is the same for all three
        assertTrue(pageB.contains("캐시 첫 사업") && anonymous.contains("캐시 첫 사업"));

        // The language is part of the key: English visitors get the English body.
        Browser english = new Browser(server.getURI());
        english.setCookie("lang", "en");
        String en = results(english, track);
        assertNotEquals(body(anonymous), body(en));
        Browser odd = new Browser(server.getURI());
        odd.setCookie("lang", "xx-evil");
        assertEquals(200, odd.get("/budgeting/tracks/" + track + "/results").statusCode(), "other lang cookies render uncached");
    }

    private static String body(String page) {
        int start = page.indexOf("<main");
        return page.substring(start, page.indexOf("</main>", start));
    }
}
