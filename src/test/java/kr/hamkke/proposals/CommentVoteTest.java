package kr.hamkke.proposals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kr.hamkke.proposals.Fixtures.count;
import static kr.hamkke.proposals.Fixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comment 추천/비추천 (one per verified person) and the optional stated position on a comment. */
@MicronautTest(transactional = false)
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
@Property(name = "hamkke.rate-limits.enabled", value = "false")
class CommentVoteTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser signedIn(TestAccounts.TestAccount account) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(account.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    private long comment(String title) {
        long pid = new Fixtures(ctx).published(TestAccounts.verified(ctx).id(), title);
        return ctx.getBean(CommentService.class).post(TestAccounts.verified(ctx).id(), "PROPOSAL", pid, null, "추천 시험 댓글입니다.");
    }

    private static long up(long cid) {
        return count("SELECT up_count FROM comment WHERE id = ?", cid);
    }

    private static long down(long cid) {
        return count("SELECT down_count FROM comment WHERE id = ?", cid);
    }

    @Test
    void oneVotePerPersonThatCanSwitchAndBeTakenBackEachAudited() {
        long cid = comment("댓글 추천 규칙 시험");
        long pid = count("SELECT target_id FROM comment WHERE id = ?", cid);
        Browser voter = signedIn(TestAccounts.verified(ctx));
        voter.get("/proposals/" + pid);
        assertEquals(303, voter.post("/comments/" + cid + "/vote", Map.of("choice", "UP")).statusCode());
        assertEquals(303, voter.post("/comments/" + cid + "/vote", Map.of("choice", "UP")).statusCode());
        assertEquals(1, up(cid), "the same vote twice counts once");
        String page = voter.get("/proposals/" + pid).body();
        assertTrue(page.contains("aria-pressed=\"true\""), "the page shows my vote");
        assertEquals(303, voter.post("/comments/" + cid + "/vote", Map.of("choice", "DOWN")).statusCode());
        assertEquals(0, up(cid));
        assertEquals(1, down(cid), "switched, not added");
        assertEquals(303, voter.post("/comments/" + cid + "/vote", Map.of("choice", "NONE")).statusCode());
        assertEquals(0, up(cid) + down(cid));
        assertEquals(0, count("SELECT COUNT(*) FROM comment_vote WHERE comment_id = ?", cid));
        assertEquals(3, count("SELECT COUNT(*) FROM audit_event WHERE action = 'comment.vote' AND subject_id = ?", String.valueOf(cid)),
                "every change audited, the repeated UP was no change");
    }

    @Test
    void refusalsChangeNothing() {
        long cid = comment("댓글 추천 거절 시험");
        long pid = count("SELECT target_id FROM comment WHERE id = ?", cid);
        long author = count("SELECT author_id FROM comment WHERE id = ?", cid);
        Browser voter = signedIn(TestAccounts.verified(ctx));
        voter.get("/proposals/" + pid);
        assertEquals(422, voter.post("/comments/" + cid + "/vote", Map.of("choice", "SIDEWAYS")).statusCode());
        assertEquals(422, voter.post("/comments/" + cid + "/vote", Map.of()).statusCode());
        assertEquals(404, voter.post("/comments/999999999/vote", Map.of("choice", "UP")).statusCode());

        Browser unverified = signedIn(TestAccounts.citizen(ctx));
        unverified.get("/proposals/" + pid);
        assertEquals(403, unverified.post("/comments/" + cid + "/vote", Map.of("choice", "UP")).statusCode());

        Browser anonymous = new Browser(server.getURI());
        anonymous.get("/proposals/" + pid);
        HttpResponse<String> signInFirst = anonymous.post("/comments/" + cid + "/vote", Map.of("choice", "UP"));
        assertTrue(signInFirst.statusCode() == 303 || signInFirst.statusCode() == 401, "visitors are sent to sign in");

        String authorEmail = string("SELECT email FROM account WHERE id = ?", author);
        Browser self = new Browser(server.getURI());
        assertEquals(303, self.signIn(authorEmail, TestAccounts.PASSWORD).statusCode());
        self.get("/proposals/" + pid);
        assertEquals(409, self.post("/comments/" + cid + "/vote", Map.of("choice", "UP")).statusCode(), "not one's own comment");

        assertEquals(0, up(cid) + down(cid));
        assertEquals(0, count("SELECT COUNT(*) FROM comment_vote WHERE comment_id = ?", cid));
    }

    @Test
    void aHundredConcurrentVotesOfOnePersonCountOnceAndOfManyCountEach() throws Exception {
        long cid = comment("댓글 추천 동시성 시험");
        long pid = count("SELECT target_id FROM comment WHERE id = ?", cid);
        Browser one = signedIn(TestAccounts.verified(ctx));
        one.get("/proposals/" + pid);
        List<Browser> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Browser b = signedIn(TestAccounts.verified(ctx));
            b.get("/proposals/" + pid);
            many.add(b);
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(() -> one.post("/comments/" + cid + "/vote", Map.of("choice", "UP")).statusCode());
        }
        for (Browser b : many) {
            calls.add(() -> b.post("/comments/" + cid + "/vote", Map.of("choice", "DOWN")).statusCode());
        }
        try (var pool = Executors.newFixedThreadPool(32)) {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(303, f.get());
            }
        }
        assertEquals(1, up(cid));
        assertEquals(20, down(cid));
        assertEquals(21, count("SELECT COUNT(*) FROM comment_vote WHERE comment_id = ?", cid));
    }

    @Test
    void aCommentMayStateAPositionAndABadOneIsRefused() {
        long pid = new Fixtures(ctx).published(TestAccounts.verified(ctx).id(), "댓글 입장 시험");
        Browser author = signedIn(TestAccounts.verified(ctx));
        author.get("/proposals/" + pid);
        long before = count("SELECT COUNT(*) FROM comment WHERE target_type = 'PROPOSAL' AND target_id = ?", pid);
        assertEquals(422, author.post("/proposals/" + pid + "/comments", Map.of("body", "입장이 이상한 댓글", "position", "MAYBE")).statusCode());
        assertEquals(before, count("SELECT COUNT(*) FROM comment WHERE target_type = 'PROPOSAL' AND target_id = ?", pid));
        author.get("/proposals/" + pid);
        assertEquals(303, author.post("/proposals/" + pid + "/comments", Map.of("body", "찬성 입장을 밝힌 댓글", "position", "PRO")).statusCode());
        assertEquals("PRO", string("SELECT position FROM comment WHERE target_id = ? AND body = '찬성 입장을 밝힌 댓글'", pid));
        author.get("/proposals/" + pid);
        assertEquals(303, author.post("/proposals/" + pid + "/comments", Map.of("body", "입장을 밝히지 않은 댓글", "position", "")).statusCode());
        assertEquals(null, string("SELECT position FROM comment WHERE target_id = ? AND body = '입장을 밝히지 않은 댓글'", pid));
        String page = new Browser(server.getURI()).get("/proposals/" + pid).body();
        assertTrue(page.contains("class=\"badge\">찬성</span>"), "the position is shown");
    }
}
