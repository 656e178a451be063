package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.assembly.CycleService;
import kr.hamkke.assembly.DeliberationService;
import kr.hamkke.assembly.SurveyService;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static kr.hamkke.assembly.web.AssemblyFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Meeting format (V37) and the member notices for a new survey and the opening plenary. */
@MicronautTest(transactional = false)
class MeetingFormatAndNoticesWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(String email) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(email, TestAccounts.PASSWORD).statusCode());
        return b;
    }

    private static String emailOf(String membershipId) throws Exception {
        return string("SELECT a.email FROM assembly_membership m JOIN account a ON a.id = m.account_id WHERE m.id = " + membershipId);
    }

    private static String accountOf(String membershipId) throws Exception {
        return string("SELECT account_id FROM assembly_membership WHERE id = " + membershipId);
    }

    /** A drawn cycle: memberships 0 and 1 ACTIVE, 2 APPOINTED, the rest only SELECTED. */
    private List<String> drawnCycle(long cycle, String secret) throws Exception {
        CycleService cycles = ctx.getBean(CycleService.class);
        AssemblyFixtures.applicants(ctx, cycle, 12);
        cycles.publishCommitment(Actor.SYSTEM, cycle, CommitReveal.commitment(secret));
        cycles.freeze(Actor.SYSTEM, cycle);
        cycles.draw(Actor.SYSTEM, cycle, "beacon", secret);
        List<String> ids = strings("SELECT id FROM assembly_membership WHERE cycle_id = " + cycle + " AND status = 'SELECTED' ORDER BY id");
        for (int i = 0; i < 3; i++) {
            Browser m = signedIn(emailOf(ids.get(i)));
            m.get("/assembly/me");
            assertEquals(303, m.post("/assembly/memberships/" + ids.get(i) + "/accept", Map.of()).statusCode());
            if (i < 2) {
                assertEquals(303, m.post("/assembly/memberships/" + ids.get(i) + "/pre-learning", Map.of()).statusCode());
            }
        }
        return ids;
    }

    @Test
    void staffSetTheFormatVenueIsRequiredAndPagesShowIt() throws Exception {
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        List<String> ids = drawnCycle(cycle, "format-secret");
        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());
        admin.get("/staff/assembly/" + cycle);
        String day = LocalDate.now(kr.hamkke.shared.ClockFactory.SEOUL).plusDays(3).toString();

        // offline and hybrid without a venue: 422, nothing stored
        for (String format : List.of("OFFLINE", "HYBRID")) {
            HttpResponse<String> bad = admin.post("/staff/assembly/" + cycle + "/meetings",
                    Map.of("seq", "1", "title", "문제 정의", "heldOn", day, "format", format, "venue", "  ", "onlineNote", "온라인 회의실"));
            assertEquals(422, bad.statusCode(), format);
            assertTrue(bad.body().contains("장소를 입력해야"), bad.body());
        }
        assertEquals(422, admin.post("/staff/assembly/" + cycle + "/meetings",
                Map.of("seq", "1", "heldOn", day, "format", "ZOOM")).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM assembly_meeting WHERE cycle_id = " + cycle));

        // a hybrid meeting with a venue and a link
        assertEquals(303, admin.post("/staff/assembly/" + cycle + "/meetings", Map.of("seq", "1", "title", "문제 정의", "heldOn", day,
                "format", "HYBRID", "venue", "시민청 태평홀 <b>", "onlineNote", "https://meet.example.kr/room-1")).statusCode());
        String meeting = string("SELECT id FROM assembly_meeting WHERE cycle_id = " + cycle);
        assertEquals("HYBRID|시민청 태평홀 <b>|https://meet.example.kr/room-1",
                string("SELECT CONCAT(format, '|', venue, '|', online_note) FROM assembly_meeting WHERE id = " + meeting));

        String page = new Browser(server.getURI()).get("/assembly/" + cycle).body();
        assertTrue(page.contains("data-format=\"HYBRID\""), "public cycle page shows the format");
        assertTrue(page.contains("시민청 태평홀 &lt;b&gt;"), "venue escaped");
        assertTrue(page.contains("href=\"https://meet.example.kr/room-1\""));
        Browser member = signedIn(emailOf(ids.get(0)));
        String me = member.get("/assembly/me").body();
        assertTrue(me.contains("data-format=\"HYBRID\"") && me.contains("시민청 태평홀"), "the member page shows the meeting place");

        // editing: offline without venue refused and unchanged; online drops the venue
        assertEquals(422, admin.post("/staff/assembly/meetings/" + meeting + "/format", Map.of("format", "OFFLINE", "venue", "")).statusCode());
        assertEquals("HYBRID", string("SELECT format FROM assembly_meeting WHERE id = " + meeting));
        assertEquals(422, admin.post("/staff/assembly/meetings/" + meeting + "/format",
                Map.of("format", "ONLINE", "onlineNote", "javascript://x")).statusCode());
        assertEquals(303, admin.post("/staff/assembly/meetings/" + meeting + "/format",
                Map.of("format", "ONLINE", "venue", "무시됨", "onlineNote", "온라인 회의실")).statusCode());
        assertEquals("ONLINE|온라인 회의실", string("SELECT CONCAT(format, '|', online_note) FROM assembly_meeting WHERE id = " + meeting + " AND venue IS NULL"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.meeting.format' AND subject_type = 'assembly_meeting' AND subject_id = '" + meeting + "'"));
        assertTrue(new Browser(server.getURI()).get("/assembly/" + cycle).body().contains("온라인 회의실"));

        // only ADMIN edits the format
        Browser fac = signedIn(TestAccounts.withRole(ctx, Role.FACILITATOR).email());
        fac.get("/assembly");
        assertEquals(403, fac.post("/staff/assembly/meetings/" + meeting + "/format", Map.of("format", "ONLINE")).statusCode());

        // meetings created without a format (older code paths, the migration default) are ONLINE
        long m2 = ctx.getBean(DeliberationService.class).createMeeting(Actor.SYSTEM, cycle, 2, "해결 방안", LocalDate.now());
        assertEquals("ONLINE", string("SELECT format FROM assembly_meeting WHERE id = " + m2));
    }

    @Test
    void seatedMembersAreToldOfANewSurveyAndActiveMembersOfThePlenary() throws Exception {
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        List<String> ids = drawnCycle(cycle, "notice-secret");
        String active0 = accountOf(ids.get(0)), active1 = accountOf(ids.get(1)), appointed = accountOf(ids.get(2)), selected = accountOf(ids.get(3));
        Instant now = Instant.now();
        long survey = ctx.getBean(SurveyService.class).create(Actor.SYSTEM, cycle,
                new SurveyService.NewSurvey("다음 회의 주제는?", List.of("교통", "주거"), false, now, now.plus(Duration.ofDays(2))));
        String link = "/assembly/surveys/" + survey;
        for (String a : List.of(active0, active1, appointed)) {
            assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE account_id = " + a + " AND link = '" + link + "'"), a);
            assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox o JOIN account a ON a.email = o.recipient WHERE a.id = " + a
                    + " AND o.body LIKE '%다음 회의 주제는?%'"));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE account_id = " + selected + " AND link = '" + link + "'"),
                "a member who has not accepted is not invited");
        assertTrue(signedIn(emailOf(ids.get(0))).get("/notifications").body().contains("다음 회의 주제는?"));

        // a refused survey notifies nobody
        String seated = "SELECT COUNT(*) FROM notification WHERE account_id IN (" + active0 + "," + active1 + "," + appointed + ")";
        long before = count(seated);
        try {
            ctx.getBean(SurveyService.class).create(Actor.SYSTEM, cycle, new SurveyService.NewSurvey("짧음", List.of("a"), false, now, now));
        } catch (RuntimeException expected) {
            // 422
        }
        assertEquals(before, count(seated));

        CycleService cycles = ctx.getBean(CycleService.class);
        for (int i = 0; i < 4; i++) {
            cycles.advance(Actor.SYSTEM, cycle, null); // DRAWN → … → MEETING_3
        }
        String plenary = "/assembly/" + cycle + "/plenary";
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE link = '" + plenary + "'"), "no plenary notice before it opens");
        cycles.advance(Actor.SYSTEM, cycle, null); // → PLENARY
        assertEquals("PLENARY", string("SELECT status FROM assembly_cycle WHERE id = " + cycle));
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE account_id = " + active0 + " AND link = '" + plenary + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE account_id = " + active1 + " AND link = '" + plenary + "'"));
        assertEquals(2, count("SELECT COUNT(*) FROM notification WHERE link = '" + plenary + "'"), "only ACTIVE members vote, so only they are told");
        assertFalse(string("SELECT message FROM notification WHERE account_id = " + active0 + " AND link = '" + plenary + "'").isBlank());
    }
}
