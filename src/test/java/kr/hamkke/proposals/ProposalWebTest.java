package kr.hamkke.proposals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static kr.hamkke.proposals.Fixtures.audits;
import static kr.hamkke.proposals.Fixtures.count;
import static kr.hamkke.proposals.Fixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proposer's journey over real HTTP, bad input, search, comments with reports, and route security. */
@MicronautTest(transactional = false)
@Property(name = "hamkke.test.mutable-clock", value = "true")
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
@Property(name = "hamkke.proposals.mayor-threshold", value = "3")
class ProposalWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(TestAccounts.TestAccount account) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(account.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    private static Map<String, String> form(String title, String body, String category, String gu) {
        return Map.of("title", title, "body", body, "category", category, "guCode", gu);
    }

    @Test
    void aProposerDraftsEditsSubmitsAndAModeratorPublishesEverythingAudited() {
        var author = TestAccounts.verified(ctx);
        Browser b = signedIn(author);
        assertEquals(200, b.get("/proposals/new").statusCode());
        HttpResponse<String> created = b.post("/proposals", form("공공자전거 대여소를 지하철역마다", "역 출구마다 따릉이 대여소를 두면 좋겠습니다.", "TRANSPORT", "11440"));
        assertEquals(303, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replace("/proposals/", ""));
        assertEquals("DRAFT", string("SELECT status FROM proposal WHERE id = ?", id));

        assertEquals(200, b.get("/proposals/" + id + "/edit").statusCode());
        assertEquals(303, b.post("/proposals/" + id + "/edit", form("공공자전거 대여소를 모든 지하철역에", "역 출구마다 따릉이 대여소를 두면 좋겠습니다. 수정본.", "TRANSPORT", "")).statusCode());
        assertEquals("공공자전거 대여소를 모든 지하철역에", string("SELECT title FROM proposal WHERE id = ?", id));
        assertEquals(null, string("SELECT gu_code FROM proposal WHERE id = ?", id), "blank district = city-wide");
        b.get("/proposals/" + id);
        assertEquals(303, b.post("/proposals/" + id + "/submit", Map.of()).statusCode());
        assertEquals("SUBMITTED", string("SELECT status FROM proposal WHERE id = ?", id));
        assertTrue(b.get("/proposals/mine").body().contains("공공자전거 대여소를 모든 지하철역에"));
        assertEquals(404, new Browser(server.getURI()).get("/proposals/" + id).statusCode(), "not public before screening");

        var moderator = TestAccounts.withRole(ctx, Role.MODERATOR);
        Browser m = signedIn(moderator);
        assertTrue(m.get("/staff/proposals/screening").body().contains("공공자전거 대여소를 모든 지하철역에"));
        assertEquals(303, m.post("/staff/proposals/" + id + "/publish", Map.of()).statusCode());
        assertEquals("PUBLISHED", string("SELECT status FROM proposal WHERE id = ?", id));
        assertEquals(50, count("SELECT review_threshold FROM proposal WHERE id = ?", id), "rule values bound at publication");
        assertEquals(30, count("SELECT support_window_days FROM proposal WHERE id = ?", id));

        HttpResponse<String> page = new Browser(server.getURI()).get("/proposals/" + id);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("진행 과정"));
        assertTrue(page.body().contains("로그인한 뒤 참여할 수 있습니다"), "anonymous visitors are told why they cannot support");
        assertEquals(1, count("SELECT COUNT(*) FROM (SELECT 1 FROM proposal_event WHERE proposal_id = ? AND kind = 'PUBLISHED') x", id));

        assertEquals(1, audits("proposal.create", id));
        assertEquals(1, audits("proposal.edit", id));
        assertEquals(1, audits("proposal.submit", id));
        assertEquals(1, audits("proposal.publish", id));
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_action WHERE target_type = 'PROPOSAL' AND target_id = ? AND action = 'PUBLISH'", id));
        assertTrue(count("SELECT COUNT(*) FROM notification WHERE account_id = ?", author.id()) >= 1, "the proposer is told of publication");

        // The author's own support is refused (403) and a supporter's duplicate gets a friendly 409 page.
        assertEquals(403, b.post("/proposals/" + id + "/support", Map.of()).statusCode());
        Browser supporter = signedIn(TestAccounts.verified(ctx));
        supporter.get("/proposals/" + id);
        assertEquals(303, supporter.post("/proposals/" + id + "/support", Map.of()).statusCode());
        HttpResponse<String> again = supporter.post("/proposals/" + id + "/support", Map.of());
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("이미 공감한 제안입니다"), again.body());
        assertEquals(1, count("SELECT support_count FROM proposal WHERE id = ?", id));

        // With a support the author may no longer edit, but may withdraw with a reason.
        HttpResponse<String> edit = b.post("/proposals/" + id + "/edit", form("바꾼 제목", "바꾼 본문", "TRANSPORT", ""));
        assertEquals(409, edit.statusCode());
        assertEquals("공공자전거 대여소를 모든 지하철역에", string("SELECT title FROM proposal WHERE id = ?", id));
        b.get("/proposals/" + id);
        assertEquals(303, b.post("/proposals/" + id + "/withdraw", Map.of("reason", "비슷한 제안이 이미 검토 중이어서 철회합니다.")).statusCode());
        assertEquals("WITHDRAWN", string("SELECT status FROM proposal WHERE id = ?", id));
        assertEquals(1, audits("proposal.withdraw", id));
        assertTrue(new Browser(server.getURI()).get("/proposals/" + id).body().contains("비슷한 제안이 이미 검토 중이어서 철회합니다."),
                "the reason is on the public timeline");
    }

    @Test
    void invalidFormsAre422WithAnErrorSummaryAndChangeNothing() {
        var author = TestAccounts.verified(ctx);
        Browser b = signedIn(author);
        long before = count("SELECT COUNT(*) FROM proposal");
        b.get("/proposals/new");
        HttpResponse<String> tooLong = b.post("/proposals", form("가".repeat(101), "본문", "TRANSPORT", ""));
        assertEquals(422, tooLong.statusCode());
        assertTrue(tooLong.body().contains("<title>오류: "), "the title starts with 오류:");
        assertTrue(tooLong.body().contains("class=\"error-summary\""));
        assertTrue(tooLong.body().contains("href=\"#title\""));
        assertTrue(tooLong.body().contains("aria-invalid=\"true\""));
        HttpResponse<String> empty = b.post("/proposals", form("", "", "NOPE", "99999"));
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("href=\"#body\""));
        assertTrue(empty.body().contains("href=\"#category\""));
        assertTrue(empty.body().contains("href=\"#guCode\""));
        assertEquals(before, count("SELECT COUNT(*) FROM proposal"));
    }

    @Test
    void unverifiedPeopleAndOtherPeoplesDraftsAreRefused() {
        var unverified = TestAccounts.citizen(ctx);
        Browser u = signedIn(unverified);
        long before = count("SELECT COUNT(*) FROM proposal");
        HttpResponse<String> page = u.get("/proposals/new");
        assertTrue(page.body().contains("본인인증을 마친 뒤 참여할 수 있습니다"), "the form explains why");
        assertEquals(403, u.post("/proposals", form("제목", "본문", "TRANSPORT", "")).statusCode());
        HttpResponse<String> api = u.json("POST", "/api/proposals",
                "{\"title\":\"제목\",\"body\":\"본문\",\"category\":\"TRANSPORT\"}", Fixtures.token(u, unverified.email()));
        assertEquals(403, api.statusCode());
        assertEquals("proposals.not-verified", new Fixtures(ctx).json(api.body()).get("code"));
        assertEquals(before, count("SELECT COUNT(*) FROM proposal"));

        var owner = TestAccounts.verified(ctx);
        long draft = new Fixtures(ctx).draft(owner.id(), "남의 임시 저장 제안");
        Browser other = signedIn(TestAccounts.verified(ctx));
        assertEquals(404, other.get("/proposals/" + draft).statusCode());
        assertEquals(404, other.get("/proposals/" + draft + "/edit").statusCode());
        other.get("/proposals");
        assertEquals(404, other.post("/proposals/" + draft + "/edit", form("가로챈 제목", "가로챈 본문", "TRANSPORT", "")).statusCode());
        assertEquals(404, other.post("/proposals/" + draft + "/submit", Map.of()).statusCode());
        assertEquals(404, other.post("/proposals/" + draft + "/support", Map.of()).statusCode());
        assertEquals("남의 임시 저장 제안", string("SELECT title FROM proposal WHERE id = ?", draft));
        assertEquals("DRAFT", string("SELECT status FROM proposal WHERE id = ?", draft));
        assertEquals(200, signedIn(owner).get("/proposals/" + draft).statusCode(), "the author sees their draft");
    }

    @Test
    void theApiCreatesReadsAndReportsProblems() {
        var author = TestAccounts.verified(ctx);
        Browser b = new Browser(server.getURI());
        String token = Fixtures.token(b, author.email());
        Fixtures fx = new Fixtures(ctx);
        HttpResponse<String> created = b.json("POST", "/api/proposals",
                "{\"title\":\"한강 공원 금연 구역 확대\",\"body\":\"한강 공원 전체를 금연 구역으로 지정해 주세요.\",\"category\":\"HEALTH\",\"guCode\":\"11440\",\"submit\":true}", token);
        assertEquals(201, created.statusCode(), created.body());
        long id = ((Number) fx.json(created.body()).get("id")).longValue();
        assertEquals("SUBMITTED", string("SELECT status FROM proposal WHERE id = ?", id));

        HttpResponse<String> invalid = b.json("POST", "/api/proposals", "{\"title\":\"\",\"body\":\"x\",\"category\":\"TRANSPORT\"}", token);
        assertEquals(422, invalid.statusCode(), invalid.body());
        assertTrue(invalid.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(invalid.body().contains("\"errors\""));
        HttpResponse<String> wrongType = b.json("POST", "/api/proposals", "{\"title\":{\"x\":1},\"body\":\"x\",\"category\":\"TRANSPORT\"}", token);
        assertTrue(wrongType.statusCode() == 400 || wrongType.statusCode() == 422, wrongType.statusCode() + " " + wrongType.body());
        HttpResponse<String> badGu = b.json("POST", "/api/proposals", "{\"title\":\"t\",\"body\":\"x\",\"category\":\"TRANSPORT\",\"guCode\":\"11999\"}", token);
        assertEquals(422, badGu.statusCode());

        HttpResponse<String> missing = b.json("POST", "/api/proposals/987654321/support", null, token);
        assertEquals(404, missing.statusCode());
        assertEquals("proposal", fx.json(missing.body()).get("code"));
        assertEquals(401, b.json("POST", "/api/proposals/" + id + "/support", null, null).statusCode());
        assertEquals(401, b.json("DELETE", "/api/proposals/" + id + "/support", null, null).statusCode());
        assertEquals(404, b.json("GET", "/api/proposals/" + id, null, null).statusCode(), "not public before screening");
        assertEquals(200, b.json("GET", "/api/proposals/" + id, null, token).statusCode(), "the author can read it");

        long published = fx.published(author.id(), "API 공감 테스트 제안");
        var supporter = TestAccounts.verified(ctx);
        String st = Fixtures.token(b, supporter.email());
        HttpResponse<String> ok = b.json("POST", "/api/proposals/" + published + "/support", null, st);
        assertEquals(201, ok.statusCode());
        assertEquals(1, ((Number) fx.json(ok.body()).get("supportCount")).intValue());
        HttpResponse<String> dup = b.json("POST", "/api/proposals/" + published + "/support", null, st);
        assertEquals(409, dup.statusCode());
        assertEquals("proposals.support.ALREADY_SUPPORTED", fx.json(dup.body()).get("code"));
        assertEquals(200, b.json("DELETE", "/api/proposals/" + published + "/support", null, st).statusCode());
        assertEquals(409, b.json("DELETE", "/api/proposals/" + published + "/support", null, st).statusCode());
        Map<String, Object> view = fx.json(b.json("GET", "/api/proposals/" + published, null, null).body());
        assertEquals("PUBLISHED", view.get("status"));
        assertEquals(0, ((Number) view.get("supportCount")).intValue());
        assertFalse(((List<?>) view.get("timeline")).isEmpty());
    }

    @Test
    void koreanKeywordSearchFiltersAndSorts() {
        Fixtures fx = new Fixtures(ctx);
        long author = Fixtures.people(1).get(0);
        long kick = fx.published(author, "공유 킥보드 주차구역 지정");
        long other = fx.published(author, "어린이 보호구역 과속 카메라");
        Browser b = new Browser(server.getURI());
        String hits = b.json("GET", "/api/proposals?q=" + java.net.URLEncoder.encode("공유", java.nio.charset.StandardCharsets.UTF_8), null, null).body();
        assertTrue(hits.contains("\"id\":" + kick), hits);
        assertFalse(hits.contains("\"id\":" + other + ","));
        String joined = b.json("GET", "/api/proposals?q=" + java.net.URLEncoder.encode("킥보드주차", java.nio.charset.StandardCharsets.UTF_8), null, null).body();
        assertTrue(joined.contains("\"id\":" + kick), "spaces do not matter");
        String escaped = b.json("GET", "/api/proposals?q=%25", null, null).body();
        assertFalse(escaped.contains("\"id\":" + kick + ","), "% is a literal, not a wildcard");
        for (String sort : List.of("newest", "supported", "closing")) {
            assertEquals(200, b.json("GET", "/api/proposals?status=PUBLISHED&category=TRANSPORT&gu=11440&sort=" + sort + "&page=1", null, null).statusCode());
        }
        HttpResponse<String> page = b.get("/proposals?q=" + java.net.URLEncoder.encode("공유", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("공유 킥보드 주차구역 지정"));
        assertEquals(1, page.body().split("<h1").length - 1, "exactly one h1");
    }

    @Test
    void threeReportsFromDistinctPeopleHideACommentUntilAModeratorDecides() {
        Fixtures fx = new Fixtures(ctx);
        long proposal = fx.published(Fixtures.people(1).get(0), "댓글 신고 테스트 제안");
        var commenter = TestAccounts.verified(ctx);
        Browser c = signedIn(commenter);
        c.get("/proposals/" + proposal);
        assertEquals(422, c.post("/proposals/" + proposal + "/comments", Map.of("body", "가".repeat(1001))).statusCode());
        HttpResponse<String> posted = c.post("/proposals/" + proposal + "/comments", Map.of("body", "이 제안 정말 별로네요"));
        assertEquals(303, posted.statusCode());
        long comment = count("SELECT MAX(id) FROM comment WHERE target_type = 'PROPOSAL' AND target_id = ?", proposal);
        long reply1 = Long.parseLong(c.post("/proposals/" + proposal + "/comments", Map.of("body", "답글", "parent", "" + comment))
                .headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        long reply2 = Long.parseLong(c.post("/proposals/" + proposal + "/comments", Map.of("body", "답글의 답글", "parent", "" + reply1))
                .headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        assertEquals(422, c.post("/proposals/" + proposal + "/comments", Map.of("body", "너무 깊은 답글", "parent", "" + reply2)).statusCode(),
                "depth is limited to 3");
        assertEquals(3, count("SELECT depth FROM comment WHERE id = ?", reply2));
        assertEquals(409, c.post("/comments/" + comment + "/report", Map.of("reason", "ABUSE")).statusCode(), "not your own comment");

        for (int i = 0; i < 3; i++) {
            Browser r = signedIn(TestAccounts.verified(ctx));
            r.get("/proposals/" + proposal);
            assertEquals(303, r.post("/comments/" + comment + "/report", Map.of("reason", "ABUSE")).statusCode());
            if (i == 0) {
                assertEquals(409, r.post("/comments/" + comment + "/report", Map.of("reason", "SPAM")).statusCode(), "one report per person");
                assertEquals(422, r.post("/comments/" + reply1 + "/report", Map.of("reason", "BOGUS")).statusCode());
            }
            assertEquals(i < 2 ? "VISIBLE" : "AUTO_HIDDEN", string("SELECT status FROM comment WHERE id = ?", comment));
        }
        Browser fourth = signedIn(TestAccounts.verified(ctx));
        fourth.get("/proposals/" + proposal);
        assertEquals(303, fourth.post("/comments/" + comment + "/report", Map.of("reason", "OTHER")).statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.auto-hide' AND subject_id = ?", String.valueOf(comment)));
        assertEquals(4, count("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.report' AND subject_id = ?", String.valueOf(comment)));
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE account_id = ? AND message LIKE '%자동 숨김%'", commenter.id()));
        assertFalse(new Browser(server.getURI()).get("/proposals/" + proposal).body().contains("이 제안 정말 별로네요"));

        Browser citizen = signedIn(TestAccounts.verified(ctx));
        assertEquals(403, citizen.get("/staff/proposals/moderation").statusCode());
        var moderator = TestAccounts.withRole(ctx, Role.MODERATOR);
        Browser m = signedIn(moderator);
        assertTrue(m.get("/staff/proposals/moderation").body().contains("이 제안 정말 별로네요"));
        assertEquals(422, m.post("/staff/comments/" + comment + "/moderate", Map.of("action", "HIDE", "reasonCode", "ABUSE", "note", "짧음")).statusCode());
        assertEquals(303, m.post("/staff/comments/" + comment + "/moderate", Map.of("action", "RESTORE")).statusCode());
        assertEquals("VISIBLE", string("SELECT status FROM comment WHERE id = ?", comment));
        m.get("/staff/proposals/moderation");
        assertEquals(303, m.post("/staff/comments/" + comment + "/moderate",
                Map.of("action", "HIDE", "reasonCode", "ABUSE", "note", "다른 시민을 비하하는 표현이 있어 숨깁니다.")).statusCode());
        assertEquals("HIDDEN", string("SELECT status FROM comment WHERE id = ?", comment));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.restore' AND subject_id = ?", String.valueOf(comment)));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.hide' AND subject_id = ?", String.valueOf(comment)));
        assertEquals(2, count("SELECT COUNT(*) FROM moderation_action WHERE target_type = 'COMMENT' AND target_id = ?", comment));
        assertTrue(count("SELECT COUNT(*) FROM notification WHERE account_id = ? AND message LIKE '%비하하는%'", commenter.id()) == 1,
                "the author is told the reason");
    }

    @Test
    void routesHonourTheirRoles() {
        Browser anonymous = new Browser(server.getURI());
        for (String path : List.of("/proposals", "/participate", "/forums", "/city-questions", "/proposals/overdue")) {
            HttpResponse<String> r = anonymous.get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals(1, r.body().split("<h1").length - 1, "one h1 on " + path);
        }
        for (String path : List.of("/api/proposals", "/api/forums", "/api/city-questions", "/api/participation/open")) {
            assertEquals(200, anonymous.json("GET", path, null, null).statusCode(), path);
        }
        assertEquals(303, anonymous.get("/proposals/new").statusCode(), "sign in first");
        for (String path : List.of("/staff/proposals/screening", "/staff/proposals/review", "/staff/proposals/moderation",
                "/staff/proposals/agenda", "/staff/city-questions")) {
            assertTrue(List.of(303, 401).contains(anonymous.get(path).statusCode()), path);
        }
        Browser citizen = signedIn(TestAccounts.verified(ctx));
        for (String path : List.of("/staff/proposals/screening", "/staff/proposals/review", "/staff/proposals/moderation",
                "/staff/proposals/agenda", "/staff/city-questions")) {
            assertEquals(403, citizen.get(path).statusCode(), path);
        }
        citizen.get("/proposals");
        assertEquals(403, citizen.post("/staff/proposals/1/publish", Map.of()).statusCode());
        assertEquals(403, citizen.post("/staff/proposals/1/pick", Map.of()).statusCode());
        Browser reviewer = signedIn(TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", "RECYCLE"));
        assertEquals(200, reviewer.get("/staff/proposals/review").statusCode());
        assertEquals(200, reviewer.get("/staff/city-questions").statusCode());
        assertEquals(403, reviewer.get("/staff/proposals/screening").statusCode());
        Browser agenda = signedIn(TestAccounts.withRole(ctx, Role.AGENDA_GROUP));
        assertEquals(200, agenda.get("/staff/proposals/agenda").statusCode());
        assertTrue(agenda.get("/staff").body().contains("/staff/proposals/agenda"), "the staff hub links the agenda page");
        HttpResponse<String> home = anonymous.get("/");
        assertTrue(home.body().contains("href=\"/participate\"") && home.body().contains("href=\"/proposals\""));
    }

    @Test
    void moderatorsHideOrMergeWithAPublicReasonTheAuthorCanSee() {
        Fixtures fx = new Fixtures(ctx);
        var author = TestAccounts.verified(ctx);
        var svc = ctx.getBean(ProposalService.class);
        long complaint = fx.draft(author.id(), "우리 집 앞 불법주차 단속");
        svc.submit(author.id(), complaint);
        long target = fx.published(author.id(), "공유 킥보드 주차구역 통합 대상");
        long duplicate = fx.draft(author.id(), "킥보드 주차장 중복 제안");
        svc.submit(author.id(), duplicate);

        Browser m = signedIn(TestAccounts.withRole(ctx, Role.MODERATOR));
        m.get("/staff/proposals/screening");
        assertEquals(422, m.post("/staff/proposals/" + complaint + "/hide", Map.of("reasonCode", "PERSONAL_COMPLAINT", "reason", "짧음")).statusCode());
        assertEquals(422, m.post("/staff/proposals/" + complaint + "/hide", Map.of("reasonCode", "MADE_UP",
                "reason", "개인 민원은 응답소(120)로 접수해 주세요. 거기서 더 빨리 처리됩니다.")).statusCode());
        assertEquals("SUBMITTED", string("SELECT status FROM proposal WHERE id = ?", complaint));
        assertEquals(303, m.post("/staff/proposals/" + complaint + "/hide", Map.of("reasonCode", "PERSONAL_COMPLAINT",
                "reason", "개인 민원은 응답소(120)로 접수해 주세요. 거기서 더 빨리 처리됩니다.")).statusCode());
        assertEquals("HIDDEN", string("SELECT status FROM proposal WHERE id = ?", complaint));
        assertEquals(1, audits("proposal.hidden", complaint));
        assertEquals(404, new Browser(server.getURI()).get("/proposals/" + complaint).statusCode());
        HttpResponse<String> own = signedIn(author).get("/proposals/" + complaint);
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("응답소(120)로 접수해 주세요"), "the author sees the reason");
        assertTrue(count("SELECT COUNT(*) FROM notification WHERE account_id = ? AND link = ?", author.id(), "/proposals/" + complaint) >= 1);

        assertEquals(303, m.post("/staff/proposals/" + duplicate + "/hide", Map.of("reasonCode", "DUPLICATE",
                "reason", "같은 내용의 제안이 이미 게시되어 있어 그 제안으로 통합합니다.", "mergeInto", "" + target)).statusCode());
        assertEquals("MERGED", string("SELECT status FROM proposal WHERE id = ?", duplicate));
        assertEquals(target, count("SELECT merged_into FROM proposal WHERE id = ?", duplicate));
        assertEquals(1, audits("proposal.merged", duplicate));
        assertTrue(new Browser(server.getURI()).get("/proposals/" + duplicate).body().contains("/proposals/" + target));
        assertEquals(409, m.post("/staff/proposals/" + duplicate + "/publish", Map.of()).statusCode(), "merged is final");
    }

    @Test
    void authorsDeleteCommentsAndAppealAHideOnceToAnotherModerator() {
        long proposal = new Fixtures(ctx).published(Fixtures.people(1).get(0), "댓글 이의 신청 테스트");
        var commenter = TestAccounts.verified(ctx);
        Browser c = signedIn(commenter);
        c.get("/proposals/" + proposal);
        long kept = Long.parseLong(c.post("/proposals/" + proposal + "/comments", Map.of("body", "숨겨질 댓글입니다"))
                .headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        long removed = Long.parseLong(c.post("/proposals/" + proposal + "/comments", Map.of("body", "지울 댓글입니다"))
                .headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        Browser other = signedIn(TestAccounts.verified(ctx));
        other.get("/proposals/" + proposal);
        assertEquals(403, other.post("/comments/" + removed + "/delete", Map.of()).statusCode());
        assertEquals(303, c.post("/comments/" + removed + "/delete", Map.of()).statusCode());
        assertEquals("DELETED_BY_AUTHOR", string("SELECT status FROM comment WHERE id = ?", removed));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.delete' AND subject_id = ?", String.valueOf(removed)));

        assertEquals(409, c.post("/comments/" + kept + "/appeal", Map.of("statement", "왜 숨겼나요")).statusCode(), "nothing to appeal yet");
        var first = TestAccounts.withRole(ctx, Role.MODERATOR);
        Browser m1 = signedIn(first);
        m1.get("/staff/proposals/moderation");
        assertEquals(303, m1.post("/staff/comments/" + kept + "/moderate",
                Map.of("action", "HIDE", "reasonCode", "OTHER", "note", "주제와 관계없는 내용이라 숨깁니다. 확인 바랍니다.")).statusCode());
        assertTrue(c.get("/proposals/" + proposal).body().contains("/comments/" + kept + "/appeal"), "the author is offered the appeal");
        assertEquals(303, c.post("/comments/" + kept + "/appeal", Map.of("statement", "제안과 관련된 의견이었습니다.")).statusCode());
        assertEquals(409, c.post("/comments/" + kept + "/appeal", Map.of("statement", "한 번 더")).statusCode(), "one appeal");
        assertEquals(403, m1.post("/staff/comments/" + kept + "/appeal-decision", Map.of("decision", "RESTORE")).statusCode(),
                "decided by another moderator");
        Browser m2 = signedIn(TestAccounts.withRole(ctx, Role.MODERATOR));
        assertTrue(m2.get("/staff/proposals/moderation").body().contains("제안과 관련된 의견이었습니다."));
        assertEquals(303, m2.post("/staff/comments/" + kept + "/appeal-decision", Map.of("decision", "RESTORE")).statusCode());
        assertEquals("VISIBLE", string("SELECT status FROM comment WHERE id = ?", kept));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.appeal' AND subject_id = ?", String.valueOf(kept)));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.appeal.decide' AND subject_id = ?", String.valueOf(kept)));
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE account_id = ? AND message LIKE '%이의 신청이 받아들여져%'", commenter.id()));
    }
}
