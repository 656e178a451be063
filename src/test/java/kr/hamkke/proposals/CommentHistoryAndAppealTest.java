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
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static kr.hamkke.proposals.Fixtures.audits;
import static kr.hamkke.proposals.Fixtures.count;
import static kr.hamkke.proposals.Fixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comment edit history, masking personal data in a comment, and the appeal against a hidden proposal. */
@MicronautTest(transactional = false)
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
class CommentHistoryAndAppealTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(TestAccounts.TestAccount account) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(account.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    private static long commentAudits(String action, long commentId) {
        return count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_type = 'comment' AND subject_id = ?",
                action, String.valueOf(commentId));
    }

    @Test
    void anAuthorEditsEarlierVersionsStayReadableAndTheCommentSaysEdited() {
        var proposer = TestAccounts.verified(ctx);
        long pid = new Fixtures(ctx).published(proposer.id(), "댓글 수정 기록 시험");
        var author = TestAccounts.verified(ctx);
        long cid = ctx.getBean(CommentService.class).post(author.id(), "PROPOSAL", pid, null, "처음 쓴 댓글입니다.");
        Browser b = signedIn(author);
        b.get("/proposals/" + pid);
        assertEquals(303, b.post("/comments/" + cid + "/edit", Map.of("body", "두 번째로 고친 댓글입니다.")).statusCode());
        b.get("/proposals/" + pid);
        assertEquals(303, b.post("/comments/" + cid + "/edit", Map.of("body", "세 번째 최종 댓글입니다.")).statusCode());
        assertEquals("세 번째 최종 댓글입니다.", string("SELECT body FROM comment WHERE id = ?", cid));
        assertEquals(2, count("SELECT COUNT(*) FROM comment_revision WHERE comment_id = ?", cid));
        assertEquals(2, commentAudits("comment.edit", cid));

        String page = new Browser(server.getURI()).get("/proposals/" + pid).body();
        assertTrue(page.contains("href=\"/comments/" + cid + "/history\""), "the 수정됨 link");
        assertTrue(page.contains(">수정됨</a>"));
        String history = new Browser(server.getURI()).get("/comments/" + cid + "/history").body();
        assertTrue(history.contains("처음 쓴 댓글입니다.") && history.contains("두 번째로 고친 댓글입니다.") && history.contains("세 번째 최종 댓글입니다."));
        assertTrue(history.indexOf("세 번째") < history.indexOf("두 번째") && history.indexOf("두 번째") < history.indexOf("처음"),
                "newest first");

        // Same text again: no new version. Someone else: 403. Too long: 422. Nothing changes.
        b.get("/proposals/" + pid);
        assertEquals(303, b.post("/comments/" + cid + "/edit", Map.of("body", "세 번째 최종 댓글입니다.")).statusCode());
        Browser other = signedIn(TestAccounts.verified(ctx));
        other.get("/proposals/" + pid);
        assertEquals(403, other.post("/comments/" + cid + "/edit", Map.of("body", "남의 댓글을 고칩니다")).statusCode());
        assertEquals(422, b.post("/comments/" + cid + "/edit", Map.of("body", "가".repeat(1001))).statusCode());
        assertEquals(422, b.post("/comments/" + cid + "/edit", Map.of("body", "  ")).statusCode());
        assertEquals("세 번째 최종 댓글입니다.", string("SELECT body FROM comment WHERE id = ?", cid));
        assertEquals(2, count("SELECT COUNT(*) FROM comment_revision WHERE comment_id = ?", cid));

        // A deleted comment cannot be edited, and its history is no longer public (author and moderators still see it).
        assertEquals(303, b.post("/comments/" + cid + "/delete", Map.of()).statusCode());
        b.get("/proposals/" + pid);
        assertEquals(409, b.post("/comments/" + cid + "/edit", Map.of("body", "삭제 후 수정")).statusCode());
        assertEquals(404, new Browser(server.getURI()).get("/comments/" + cid + "/history").statusCode());
        assertEquals(200, b.get("/comments/" + cid + "/history").statusCode());
        assertEquals(200, signedIn(TestAccounts.withRole(ctx, Role.MODERATOR)).get("/comments/" + cid + "/history").statusCode());
    }

    @Test
    void aModeratorMasksPersonalDataInTheTextAndEveryEarlierVersionAudited() {
        var proposer = TestAccounts.verified(ctx);
        long pid = new Fixtures(ctx).published(proposer.id(), "개인정보 가림 시험");
        var author = TestAccounts.verified(ctx);
        CommentService comments = ctx.getBean(CommentService.class);
        long cid = comments.post(author.id(), "PROPOSAL", pid, null, "제 번호는 010-2345-6789 이고 메일은 kim@example.com 입니다.");
        ctx.getBean(CommentRevisions.class).edit(author.id(), cid, "연락은 010-2345-6789 로 주세요. 집은 행복동 12-3 입니다.");

        Browser moderator = signedIn(TestAccounts.withRole(ctx, Role.MODERATOR));
        moderator.get("/comments/" + cid + "/history");
        HttpResponse<String> noReason = moderator.post("/staff/comments/" + cid + "/mask", Map.of("text", "", "reason", "짧음"));
        assertEquals(422, noReason.statusCode());
        HttpResponse<String> notThere = moderator.post("/staff/comments/" + cid + "/mask",
                Map.of("text", "없는 내용", "reason", "댓글에 개인 연락처가 있어 운영 원칙에 따라 가립니다."));
        assertEquals(422, notThere.statusCode());
        assertTrue(notThere.body().contains("가릴 내용을 찾지 못했습니다"));

        // Blank: everything that looks like a phone number or e-mail, in the current text and the earlier version.
        assertEquals(303, moderator.post("/staff/comments/" + cid + "/mask",
                Map.of("text", "", "reason", "댓글에 개인 연락처가 있어 운영 원칙에 따라 가립니다.")).statusCode());
        // Named text: an address the patterns cannot know.
        moderator.get("/comments/" + cid + "/history");
        assertEquals(303, moderator.post("/staff/comments/" + cid + "/mask",
                Map.of("text", "행복동 12-3", "reason", "댓글에 집 주소가 있어 운영 원칙에 따라 가립니다.")).statusCode());

        String current = string("SELECT body FROM comment WHERE id = ?", cid);
        assertEquals("연락은 ●●●● 로 주세요. 집은 ●●●● 입니다.", current);
        String earlier = string("SELECT body FROM comment_revision WHERE comment_id = ?", cid);
        assertEquals("제 번호는 ●●●● 이고 메일은 ●●●● 입니다.", earlier);
        assertEquals(2, count("SELECT COUNT(*) FROM comment_redaction WHERE comment_id = ?", cid));
        assertEquals(2, commentAudits("comment.mask", cid));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'comment' AND subject_id = ? "
                + "AND (summary LIKE '%010-2345%' OR summary LIKE '%행복동%' OR summary LIKE '%kim@%')", String.valueOf(cid)),
                "the masked text is recorded nowhere");
        String history = new Browser(server.getURI()).get("/comments/" + cid + "/history").body();
        assertFalse(history.contains("010-2345-6789") || history.contains("kim@example.com") || history.contains("행복동"));
        assertTrue(count("SELECT COUNT(*) FROM notification WHERE account_id = ? AND message LIKE '%개인정보를 가렸습니다%'", author.id()) >= 1,
                "the author is told, with the reason");

        // Citizens cannot mask.
        Browser citizen = signedIn(TestAccounts.verified(ctx));
        citizen.get("/proposals/" + pid);
        assertEquals(403, citizen.post("/staff/comments/" + cid + "/mask",
                Map.of("text", "", "reason", "댓글에 개인 연락처가 있어 운영 원칙에 따라 가립니다.")).statusCode());
    }

    @Test
    void theAuthorOfAHiddenProposalAppealsOnceAndAnotherModeratorDecides() {
        var author = TestAccounts.verified(ctx);
        Fixtures f = new Fixtures(ctx);
        ProposalService proposals = ctx.getBean(ProposalService.class);
        long pid = f.published(author.id(), "이의 신청 시험 제안");
        var hider = TestAccounts.withRole(ctx, Role.MODERATOR);
        proposals.hide(new Actor(hider.id(), "MODERATOR"), pid, "PERSONAL_COMPLAINT", "개인 민원이므로 응답소(120)로 안내합니다.", null);

        Browser b = signedIn(author);
        String page = b.get("/proposals/" + pid).body();
        assertTrue(page.contains("숨김 처리에 대한 이의 신청"), "the author sees the appeal form");
        assertEquals(422, b.post("/proposals/" + pid + "/appeal", Map.of("statement", " ")).statusCode());
        Browser stranger = signedIn(TestAccounts.verified(ctx));
        stranger.get("/proposals");
        assertEquals(404, stranger.post("/proposals/" + pid + "/appeal", Map.of("statement", "남의 제안")).statusCode(),
                "a hidden proposal does not exist for others");
        assertEquals(303, b.post("/proposals/" + pid + "/appeal",
                Map.of("statement", "개인 민원이 아니라 동네 전체의 보행 안전 문제입니다. 다시 검토해 주세요.")).statusCode());
        b.get("/proposals/" + pid);
        assertEquals(409, b.post("/proposals/" + pid + "/appeal", Map.of("statement", "한 번 더")).statusCode(), "one appeal");
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_appeal WHERE proposal_id = ?", pid));
        assertEquals(1, audits("proposal.appeal", pid));

        // The moderator who hid it may not decide; another one restores it with a reason.
        Browser sameModerator = signedIn(hider);
        assertTrue(sameModerator.get("/staff/proposals/moderation").body().contains("이의 신청 시험 제안"));
        assertEquals(403, sameModerator.post("/staff/proposals/" + pid + "/appeal-decision",
                Map.of("decision", "RESTORE", "reason", "보행 안전 문제로 다시 공개하는 것이 맞습니다.")).statusCode());
        Browser other = signedIn(TestAccounts.withRole(ctx, Role.MODERATOR));
        other.get("/staff/proposals/moderation");
        assertEquals(422, other.post("/staff/proposals/" + pid + "/appeal-decision", Map.of("decision", "RESTORE", "reason", "짧음")).statusCode());
        assertEquals("HIDDEN", string("SELECT status FROM proposal WHERE id = ?", pid));
        long notesBefore = count("SELECT COUNT(*) FROM notification WHERE account_id = ?", author.id());
        assertEquals(303, other.post("/staff/proposals/" + pid + "/appeal-decision",
                Map.of("decision", "RESTORE", "reason", "보행 안전 문제로 다시 공개하는 것이 맞습니다.")).statusCode());
        assertEquals("PUBLISHED", string("SELECT status FROM proposal WHERE id = ?", pid), "back to the status the hide interrupted");
        assertEquals(null, string("SELECT public_reason_code FROM proposal WHERE id = ?", pid));
        assertEquals("RESTORE", string("SELECT decision FROM proposal_appeal WHERE proposal_id = ?", pid));
        assertEquals(1, audits("proposal.appeal.decide", pid));
        assertEquals(notesBefore + 1, count("SELECT COUNT(*) FROM notification WHERE account_id = ?", author.id()), "the author is told");
        assertEquals(200, new Browser(server.getURI()).get("/proposals/" + pid).statusCode(), "public again");
        assertEquals(409, other.post("/staff/proposals/" + pid + "/appeal-decision",
                Map.of("decision", "UPHOLD", "reason", "두 번째 결정은 할 수 없습니다. 이미 처리됨.")).statusCode());
    }

    @Test
    void anUpheldHideKeepsTheProposalHiddenAndOnlyHiddenProposalsCanBeAppealed() {
        var author = TestAccounts.verified(ctx);
        Fixtures f = new Fixtures(ctx);
        long draft = f.draft(author.id(), "제출 뒤 숨겨질 제안");
        ProposalService proposals = ctx.getBean(ProposalService.class);
        proposals.submit(author.id(), draft);
        var hider = TestAccounts.withRole(ctx, Role.MODERATOR);
        proposals.hide(new Actor(hider.id(), "MODERATOR"), draft, "ABUSE", "특정인을 비방하는 표현이 있어 숨깁니다.", null);
        ProposalAppealService appeals = ctx.getBean(ProposalAppealService.class);
        appeals.appeal(author.id(), draft, "비방이 아니라 사실을 적은 것입니다.");
        long decider = TestAccounts.withRole(ctx, Role.MODERATOR).id();
        appeals.decide(new Actor(decider, "MODERATOR"), draft, "UPHOLD", "사실 여부와 관계없이 특정인을 지목한 표현입니다.");
        assertEquals("HIDDEN", string("SELECT status FROM proposal WHERE id = ?", draft));
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_event WHERE proposal_id = ? AND kind = 'APPEAL_UPHELD'", draft));
        assertTrue(signedIn(author).get("/proposals/" + draft).body().contains("사실 여부와 관계없이 특정인을 지목한 표현입니다."),
                "the author sees the decision and its reason");

        long published = f.published(author.id(), "숨겨지지 않은 제안");
        Browser b = signedIn(author);
        b.get("/proposals/" + published);
        assertEquals(409, b.post("/proposals/" + published + "/appeal", Map.of("statement", "이의")).statusCode());

        // Restoring a proposal hidden at screening puts it back in the screening queue.
        long second = f.draft(author.id(), "선별 중 숨겨진 제안");
        proposals.submit(author.id(), second);
        proposals.hide(new Actor(hider.id(), "MODERATOR"), second, "OTHER", "운영 원칙 검토가 필요하여 숨깁니다.", null);
        appeals.appeal(author.id(), second, "다시 봐 주세요.");
        appeals.decide(new Actor(decider, "MODERATOR"), second, "RESTORE", "검토 결과 운영 원칙 위반이 아니었습니다.");
        assertEquals("SUBMITTED", string("SELECT status FROM proposal WHERE id = ?", second));
    }
}
