package kr.hamkke.proposals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static kr.hamkke.proposals.Fixtures.audits;
import static kr.hamkke.proposals.Fixtures.count;
import static kr.hamkke.proposals.Fixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 우수제안 picks, forum positions and closing, the mayor's answer, and 서울시가 묻습니다. */
@MicronautTest(transactional = false)
@Property(name = "hamkke.test.mutable-clock", value = "true")
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
@Property(name = "hamkke.proposals.mayor-threshold", value = "3")
class ForumAndQuestionTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    TestClock clock;
    @Inject
    ForumService forums;
    @Inject
    CityQuestionService questions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Browser signedIn(TestAccounts.TestAccount account) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(account.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    @Test
    void aPickOpensReviewAndAForumWhichClosesToTheMayor() {
        Fixtures fx = new Fixtures(ctx);
        long author = Fixtures.people(1).get(0);
        long id = fx.published(author, "서울형 난임부부 시술비 지원");
        Browser agenda = signedIn(TestAccounts.withRole(ctx, Role.AGENDA_GROUP));
        agenda.get("/staff/proposals/agenda");
        assertEquals(422, agenda.post("/staff/proposals/" + id + "/pick",
                Map.of("meetingDate", "2026-11-20", "membersPresent", "9", "reason", "짧은 사유")).statusCode());
        assertEquals(303, agenda.post("/staff/proposals/" + id + "/pick", Map.of("meetingDate", "2026-11-20",
                "membersPresent", "9", "reason", "저출생 대응이 시급하고 비슷한 제안이 많아 우수제안으로 선정합니다.")).statusCode());
        assertEquals("UNDER_REVIEW", string("SELECT status FROM proposal WHERE id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM agenda_pick WHERE proposal_id = ?", id));
        assertEquals(1, audits("proposal.pick", id));
        assertEquals(409, agenda.post("/staff/proposals/" + id + "/pick", Map.of("meetingDate", "2026-11-20",
                "membersPresent", "9", "reason", "저출생 대응이 시급하고 비슷한 제안이 많아 우수제안으로 선정합니다.")).statusCode());
        long forum = count("SELECT id FROM forum WHERE proposal_id = ?", id);
        assertTrue(forum > 0);

        Browser b = new Browser(server.getURI());
        List<TestAccounts.TestAccount> people = List.of(TestAccounts.verified(ctx), TestAccounts.verified(ctx), TestAccounts.verified(ctx));
        for (var p : people) {
            String token = Fixtures.token(b, p.email());
            HttpResponse<String> r = b.json("POST", "/api/forums/" + forum + "/position", "{\"position\":\"PRO\"}", token);
            assertEquals(200, r.statusCode(), r.body());
        }
        String token = Fixtures.token(b, people.get(0).email());
        assertEquals(200, b.json("POST", "/api/forums/" + forum + "/position", "{\"position\":\"CON\"}", token).statusCode());
        assertEquals(422, b.json("POST", "/api/forums/" + forum + "/position", "{\"position\":\"MAYBE\"}", token).statusCode());
        assertEquals(401, b.json("POST", "/api/forums/" + forum + "/position", "{\"position\":\"PRO\"}", null).statusCode());
        assertEquals(3, count("SELECT participant_count FROM forum WHERE id = ?", forum), "participants are distinct people");
        assertEquals(2, count("SELECT pro_count FROM forum WHERE id = ?", forum));
        assertEquals(1, count("SELECT con_count FROM forum WHERE id = ?", forum));
        assertEquals(3, count("SELECT COUNT(*) FROM forum_position WHERE forum_id = ?", forum));

        clock.advance(Duration.ofDays(31));
        assertEquals(409, b.json("POST", "/api/forums/" + forum + "/position", "{\"position\":\"PRO\"}", token).statusCode());
        assertTrue(forums.closeDue() >= 1);
        assertEquals("AWAITING_MAYOR", string("SELECT status FROM forum WHERE id = ?", forum));
        assertEquals(1, count("SELECT pb_candidate FROM proposal WHERE id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_event WHERE proposal_id = ? AND kind = 'FORUM_AWAITING_MAYOR'", id));

        Browser recycle = signedIn(TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", "RECYCLE"));
        recycle.get("/forums/" + forum);
        String answer = "난임 시술비 지원을 내년 예산에 반영하고 소득 기준을 없애겠습니다.";
        assertEquals(403, recycle.post("/staff/forums/" + forum + "/mayor-answer", Map.of("body", answer)).statusCode(),
                "only the mayor's office answers");
        Browser mayor = signedIn(TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", "MAYOR"));
        mayor.get("/forums/" + forum);
        assertEquals(303, mayor.post("/staff/forums/" + forum + "/mayor-answer", Map.of("body", answer)).statusCode());
        assertEquals("MAYOR_ANSWERED", string("SELECT status FROM forum WHERE id = ?", forum));
        assertEquals(1, audits("proposal.mayor.answer", id));
        assertTrue(new Browser(server.getURI()).get("/forums/" + forum).body().contains(answer));
        assertTrue(new Browser(server.getURI()).get("/proposals/" + id).body().contains("민주주의 서울 연계형"));
    }

    @Test
    void staffForumsAppearOnTodaysForums() {
        var staff = TestAccounts.withRole(ctx, Role.MODERATOR);
        Browser m = signedIn(staff);
        m.get("/forums");
        assertEquals(303, m.post("/staff/forums", Map.of("title", "거주자우선주차장 공유, 어떻게 생각하세요?",
                "background", "낮 시간 비어 있는 거주자우선주차장을 이웃과 나누는 방안입니다.", "proBrief", "주차난 완화", "conBrief", "관리 부담")).statusCode());
        HttpResponse<String> open = new Browser(server.getURI()).json("GET", "/api/participation/open", null, null);
        assertTrue(open.body().contains("거주자우선주차장 공유"), open.body());
        assertTrue(new Browser(server.getURI()).get("/participate").body().contains("거주자우선주차장 공유"));
    }

    @Test
    void aCityQuestionTakesOneAnswerPerPersonAndShowsResultsAfterClose() {
        var reviewer = TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", "RECYCLE");
        Browser r = signedIn(reviewer);
        r.get("/staff/city-questions");
        assertEquals(403, r.post("/staff/city-questions", Map.of("orgUnit", "SMART", "kind", "POLL", "cadence", "REGULAR",
                "title", "남의 부서 질문", "background", "배경", "options", "예\n아니오", "opensAt", "2026-01-01T00:00",
                "closesAt", "2027-01-01T00:00")).statusCode());
        Instant now = clock.instant();
        String opens = java.time.LocalDateTime.ofInstant(now.minusSeconds(3600), kr.hamkke.proposals.rules.Deadlines.SEOUL).withNano(0).toString();
        String closes = java.time.LocalDateTime.ofInstant(now.plus(Duration.ofDays(7)), kr.hamkke.proposals.rules.Deadlines.SEOUL).withNano(0).toString();
        HttpResponse<String> created = r.post("/staff/city-questions", Map.of("orgUnit", "RECYCLE", "kind", "POLL", "cadence", "AD_HOC",
                "title", "일회용 컵 보증금제, 찬성하십니까?", "background", "카페 일회용 컵에 보증금을 매기는 방안입니다.",
                "options", "찬성\n반대\n잘 모르겠다", "opensAt", opens, "closesAt", closes));
        assertEquals(303, created.statusCode(), created.body());
        long q = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replace("/city-questions/", ""));
        List<Long> options = List.of(count("SELECT id FROM city_question_option WHERE question_id = ? AND ordinal = 1", q),
                count("SELECT id FROM city_question_option WHERE question_id = ? AND ordinal = 2", q));

        Fixtures fx = new Fixtures(ctx);
        HttpResponse<String> openPage = signedIn(TestAccounts.verified(ctx)).get("/city-questions/" + q);
        assertEquals(200, openPage.statusCode());
        assertTrue(openPage.body().contains("type=\"radio\" name=\"option\""), "single choice uses radio buttons");
        assertTrue(openPage.body().contains("결과는 마감 후 공개됩니다"));
        Browser b = new Browser(server.getURI());
        for (int i = 0; i < 3; i++) {
            String token = Fixtures.token(b, TestAccounts.verified(ctx).email());
            long choice = i < 2 ? options.get(0) : options.get(1);
            assertEquals(201, b.json("POST", "/api/city-questions/" + q + "/answers", "{\"optionIds\":[" + choice + "]}", token).statusCode());
            if (i == 0) {
                assertEquals(409, b.json("POST", "/api/city-questions/" + q + "/answers", "{\"optionIds\":[" + choice + "]}", token).statusCode());
                assertEquals(422, b.json("POST", "/api/city-questions/" + q + "/answers",
                        "{\"optionIds\":[" + options.get(0) + "," + options.get(1) + "]}", token).statusCode(), "single choice");
                assertEquals(422, b.json("POST", "/api/city-questions/" + q + "/answers", "{\"optionIds\":[999999999]}", token).statusCode());
            }
        }
        Map<String, Object> live = fx.json(b.json("GET", "/api/city-questions/" + q, null, null).body());
        assertEquals(3, ((Number) live.get("participantCount")).intValue());
        assertEquals(null, live.get("results"), "poll results are hidden until close");
        assertTrue(new Browser(server.getURI()).get("/participate").body().contains("일회용 컵 보증금제"));

        clock.advance(Duration.ofDays(8));
        HttpResponse<String> page = new Browser(server.getURI()).get("/city-questions/" + q);
        assertTrue(page.body().contains("<svg"), "a server-rendered chart");
        assertTrue(page.body().contains("<table"), "with the same data as a table");
        assertTrue(page.body().contains("66.7"), "2 of 3 = 66.7%");
        assertEquals(3, count("SELECT COUNT(*) FROM audit_event WHERE action = 'question.answer' AND subject_id = ?", String.valueOf(q)));
        questions.followUp(new Actor(reviewer.id(), "DEPT_REVIEWER"), q, "응답 결과를 반영해 내년부터 시범 사업을 시작합니다.");
        assertTrue(new Browser(server.getURI()).get("/city-questions/" + q).body().contains("시범 사업을 시작합니다"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'question.follow-up' AND subject_id = ?", String.valueOf(q)));
    }
}
