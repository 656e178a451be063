package kr.hamkke.assembly.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.assembly.DeliberationService;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static kr.hamkke.assembly.web.AssemblyFixtures.count;
import static kr.hamkke.assembly.web.AssemblyFixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 회의록 (V38): who writes, drafts stay private, published versions are public and kept, every save audited. */
@MicronautTest(transactional = false)
class MinutesWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(String email) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(email, TestAccounts.PASSWORD).statusCode());
        return b;
    }

    @Test
    void facilitatorOfTheMeetingAndStaffPublishMinutesWithHistory() throws Exception {
        DeliberationService deliberation = ctx.getBean(DeliberationService.class);
        long cycle = AssemblyFixtures.recruitingCycle(ctx);
        long meeting = deliberation.createMeeting(Actor.SYSTEM, cycle, 1, "문제 정의", LocalDate.now());
        var lead = TestAccounts.withRole(ctx, Role.FACILITATOR);
        var other = TestAccounts.withRole(ctx, Role.FACILITATOR);
        deliberation.createTable(Actor.SYSTEM, meeting, "1분임", lead.id());
        String page = "/assembly/meetings/" + meeting + "/minutes";
        String rows = "SELECT COUNT(*) FROM assembly_minutes WHERE meeting_id = " + meeting;

        // another facilitator, a citizen and anonymous may not write
        Browser stranger = signedIn(other.email());
        assertEquals(403, stranger.get(page).statusCode());
        stranger.get("/assembly");
        assertEquals(403, stranger.post(page, Map.of("body", "남의 회의록", "action", "publish")).statusCode());
        Browser citizen = signedIn(TestAccounts.verified(ctx).email());
        assertEquals(403, citizen.get(page).statusCode());
        assertEquals(0, count(rows));

        // the table's facilitator: empty text is 422 with the error summary, nothing stored
        Browser fac = signedIn(lead.email());
        assertEquals(200, fac.get(page).statusCode());
        HttpResponse<String> empty = fac.post(page, Map.of("body", "   ", "action", "publish"));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("data-error-summary") && empty.body().contains("회의록 내용을 입력해 주세요"));
        assertEquals(422, fac.post(page, Map.of("body", "가".repeat(20_001), "action", "draft")).statusCode());
        assertEquals(0, count(rows));

        // a draft is not public
        assertEquals(303, fac.post(page, Map.of("body", "초안: 폭염 대책 <script>x</script>", "action", "draft")).statusCode());
        String cyclePage = "/assembly/" + cycle;
        assertFalse(new Browser(server.getURI()).get(cyclePage).body().contains("폭염 대책"), "drafts stay private");

        // published: public and escaped
        assertEquals(303, fac.post(page, Map.of("body", "1차 회의록: 폭염 대책 <script>x</script>", "action", "publish")).statusCode());
        String shown = new Browser(server.getURI()).get(cyclePage).body();
        assertTrue(shown.contains("1차 회의록: 폭염 대책 &lt;script&gt;x&lt;/script&gt;"), "published minutes are public and escaped");
        assertEquals("PUBLISHED", string("SELECT status FROM assembly_minutes WHERE meeting_id = " + meeting + " AND version = 2"));

        // staff correct it: the new version is shown, the earlier published one is kept, the change is audited
        Browser admin = signedIn(TestAccounts.withRole(ctx, Role.ADMIN).email());
        assertEquals(200, admin.get(page).statusCode());
        assertEquals(303, admin.post(page, Map.of("body", "1차 회의록(수정): 폭염·건물 에너지", "action", "publish")).statusCode());
        shown = new Browser(server.getURI()).get(cyclePage).body();
        assertTrue(shown.contains("1차 회의록(수정): 폭염·건물 에너지"));
        assertFalse(shown.contains("1차 회의록: 폭염 대책"), "only the latest published version is shown");
        assertEquals(2, count(rows + " AND status = 'PUBLISHED'"), "the earlier published version is kept");
        assertEquals("1차 회의록: 폭염 대책 <script>x</script>", string("SELECT body FROM assembly_minutes WHERE meeting_id = " + meeting + " AND version = 2"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.minutes.draft' AND subject_id = '" + meeting + "'"));
        assertEquals(2, count("SELECT COUNT(*) FROM audit_event WHERE action = 'assembly.minutes.publish' AND subject_id = '" + meeting + "'"));
        assertTrue(string("SELECT summary FROM audit_event WHERE action = 'assembly.minutes.publish' AND subject_id = '" + meeting
                + "' ORDER BY id DESC LIMIT 1").contains("replaces-published=2"));

        // a later draft does not change what the public sees
        assertEquals(303, admin.post(page, Map.of("body", "다음 수정 중", "action", "draft")).statusCode());
        shown = new Browser(server.getURI()).get(cyclePage).body();
        assertTrue(shown.contains("1차 회의록(수정): 폭염·건물 에너지") && !shown.contains("다음 수정 중"));
        assertEquals(4, count(rows));
        assertTrue(admin.get(page).body().contains("다음 수정 중"), "the editor continues from the latest saved text");
    }
}
