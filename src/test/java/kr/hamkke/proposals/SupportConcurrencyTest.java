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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kr.hamkke.proposals.Fixtures.audits;
import static kr.hamkke.proposals.Fixtures.count;
import static kr.hamkke.proposals.Fixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One support per person under concurrency, exact counts, thresholds crossed exactly once, overdue answers. */
@MicronautTest(transactional = false)
@Property(name = "hamkke.test.mutable-clock", value = "true")
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
// The HTTP flood limit (60 supports a minute, RateLimitTest) would answer 429 first; these tests prove the
// database rule (one support per identity) on its own.
@Property(name = "hamkke.rate-limits.enabled", value = "false")
@Property(name = "hamkke.proposals.mayor-threshold", value = "3")
class SupportConcurrencyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    TestClock clock;
    @Inject
    ProposalService service;
    @Inject
    ReviewService reviews;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static <T> List<T> concurrently(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onePersonHittingSupportAHundredTimesAtOnceCountsOnce() throws Exception {
        Fixtures fx = new Fixtures(ctx);
        long id = fx.published(Fixtures.people(1).get(0), "동시 공감 한 사람 테스트");
        var citizen = TestAccounts.verified(ctx);
        Browser b = new Browser(server.getURI());
        String token = Fixtures.token(b, citizen.email());
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(() -> b.json("POST", "/api/proposals/" + id + "/support", null, token).statusCode());
        }
        List<Integer> statuses = concurrently(50, tasks);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(99, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", id));
        assertEquals(1, count("SELECT support_count FROM proposal WHERE id = ?", id));
        assertEquals(1, audits("proposal.support", id));
    }

    @Test
    void aHundredPeopleAtOnceGiveAnExactCountOneReviewAndOneForum() throws Exception {
        Fixtures fx = new Fixtures(ctx);
        long author = Fixtures.people(1).get(0);
        long id = fx.published(author, "동시 공감 백 명 테스트");
        List<Long> people = Fixtures.people(100);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (long person : people) {
            tasks.add(() -> service.support(person, id));
        }
        concurrently(32, tasks);
        assertEquals(100, count("SELECT support_count FROM proposal WHERE id = ?", id));
        assertEquals(100, count("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", id));
        assertEquals("UNDER_REVIEW", string("SELECT status FROM proposal WHERE id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_event WHERE proposal_id = ? AND kind = 'REVIEW_TRIGGERED'", id));
        assertEquals(1, count("SELECT COUNT(*) FROM forum WHERE proposal_id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_event WHERE proposal_id = ? AND kind = 'FORUM_OPENED'", id));
        assertEquals(100, audits("proposal.support", id));
        assertEquals(1, audits("proposal.review.trigger", id));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'forum.open' AND summary LIKE ?", "proposal=" + id + " %"));
        assertTrue(count("SELECT COUNT(*) FROM notification WHERE account_id = ? AND link = ?", author, "/proposals/" + id) >= 3,
                "the proposer hears about publication, review and the forum");
        assertTrue(count("SELECT COUNT(*) FROM mail_outbox m JOIN account a ON a.email = m.recipient WHERE a.id = ?", author) >= 3);
    }

    @Test
    void theFiftiethSupportStartsReviewOnceAndWithdrawalsNeverUndoIt() {
        Fixtures fx = new Fixtures(ctx);
        long id = fx.published(Fixtures.people(1).get(0), "임계값 한 번만 테스트");
        List<Long> people = Fixtures.people(52);
        fx.support(id, people.subList(0, 49));
        assertEquals("PUBLISHED", string("SELECT status FROM proposal WHERE id = ?", id));
        assertEquals(50, service.support(people.get(49), id));
        assertEquals("UNDER_REVIEW", string("SELECT status FROM proposal WHERE id = ?", id));
        assertNotNull(string("SELECT review_due_at FROM proposal WHERE id = ?", id));

        assertEquals(49, service.withdrawSupport(people.get(0), id));
        assertEquals("UNDER_REVIEW", string("SELECT status FROM proposal WHERE id = ?", id), "a crossed threshold is never undone");
        assertEquals(50, service.support(people.get(50), id));
        assertEquals(51, service.support(people.get(0), id), "a withdrawn support may be given again while the window is open");
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_event WHERE proposal_id = ? AND kind = 'REVIEW_TRIGGERED'", id));
        assertEquals(1, audits("proposal.support.withdraw", id));
    }

    @Test
    void supportsOutsideTheWindowAreRefusedAndTheProposalCloses() {
        Fixtures fx = new Fixtures(ctx);
        long id = fx.published(Fixtures.people(1).get(0), "공감 기간 종료 테스트");
        List<Long> people = Fixtures.people(2);
        service.support(people.get(0), id);
        clock.advance(Duration.ofDays(31));
        var e = org.junit.jupiter.api.Assertions.assertThrows(kr.hamkke.shared.DomainException.class,
                () -> service.support(people.get(1), id));
        assertEquals("proposals.support.WINDOW_CLOSED", e.code());
        assertTrue(service.closeExpired() >= 1);
        assertEquals("CLOSED", string("SELECT status FROM proposal WHERE id = ?", id));
        assertEquals(1, audits("proposal.close", id));
        assertEquals(1, count("SELECT support_count FROM proposal WHERE id = ?", id));
    }

    @Test
    void overdueAnswersAreFlaggedAndThenAnsweredThroughTheApi() {
        Fixtures fx = new Fixtures(ctx);
        long id = fx.published(Fixtures.people(1).get(0), "답변 지연 테스트 제안");
        fx.support(id, Fixtures.people(50));
        var admin = TestAccounts.withRole(ctx, Role.ADMIN);
        reviews.assign(new Actor(admin.id(), "ADMIN"), id, "RECYCLE");
        Browser anonymous = new Browser(server.getURI());
        assertEquals(0L, ((Number) new Fixtures(ctx).json(anonymous.json("GET", "/api/proposals/" + id, null, null).body())
                .get("overdueDays")).longValue());

        clock.advance(Duration.ofDays(33));
        assertTrue(reviews.pending(true).stream().anyMatch(p -> p.proposalId() == id && p.overdueDays() >= 2));
        var json = fx.json(anonymous.json("GET", "/api/proposals/" + id, null, null).body());
        assertTrue(((Number) json.get("overdueDays")).longValue() >= 2, json.toString());
        HttpResponse<String> page = anonymous.get("/proposals/" + id);
        assertTrue(page.body().contains("답변 지연"), "the public page flags the late answer");
        assertTrue(anonymous.get("/proposals/overdue").body().contains("답변 지연 테스트 제안"));

        var other = TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", "SMART");
        Browser b = new Browser(server.getURI());
        HttpResponse<String> refused = b.json("POST", "/api/proposals/" + id + "/answer",
                "{\"outcome\":\"ACCEPTED\",\"body\":\"수용합니다\",\"publish\":true}", Fixtures.token(b, other.email()));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("proposals.answer.not-reviewer", fx.json(refused.body()).get("code"));

        var reviewer = TestAccounts.withRole(ctx, Role.DEPT_REVIEWER, "ORG_UNIT", "RECYCLE");
        Browser rb = new Browser(server.getURI());
        assertEquals(303, rb.signIn(reviewer.email(), TestAccounts.PASSWORD).statusCode());
        HttpResponse<String> queue = rb.get("/staff/proposals/review");
        assertTrue(queue.body().contains("/staff/proposals/" + id + "/answer"), "the reviewer's queue links the answer form");
        assertTrue(queue.body().contains("답변 지연"), "overdue answers are flagged in the staff queue");
        assertEquals(200, rb.get("/staff/proposals/" + id + "/answer").statusCode());
        Browser ob = new Browser(server.getURI());
        assertEquals(303, ob.signIn(other.email(), TestAccounts.PASSWORD).statusCode());
        assertEquals(403, ob.get("/staff/proposals/" + id + "/answer").statusCode());
        String token = Fixtures.token(b, reviewer.email());
        assertEquals(200, b.json("POST", "/api/proposals/" + id + "/answer",
                "{\"outcome\":\"PARTIALLY_ACCEPTED\",\"body\":\"초안입니다\",\"publish\":false}", token).statusCode());
        assertEquals("UNDER_REVIEW", string("SELECT status FROM proposal WHERE id = ?", id), "a draft answer is not public");
        assertEquals(422, b.json("POST", "/api/proposals/" + id + "/answer",
                "{\"outcome\":\"NOT_ACCEPTED\",\"body\":\"안 됩니다\",\"publish\":true}", token).statusCode(),
                "불수용 needs 20 characters of public reason");
        HttpResponse<String> published = b.json("POST", "/api/proposals/" + id + "/answer",
                "{\"outcome\":\"PARTIALLY_ACCEPTED\",\"body\":\"일부 구간부터 시범 운영하겠습니다. 결과를 보고 확대합니다.\",\"publish\":true}", token);
        assertEquals(200, published.statusCode(), published.body());
        assertEquals("ANSWERED", fx.json(published.body()).get("status"));
        assertEquals(1, audits("proposal.review.assign", id));
        assertEquals(1, audits("proposal.answer.draft", id));
        assertEquals(1, audits("proposal.answer.publish", id));
        assertTrue(string("SELECT summary FROM audit_event WHERE action = 'proposal.answer.publish' AND subject_id = ?",
                String.valueOf(id)).contains("lateDays="));
    }

    @Test
    void forumPositionsAreOnePerPersonUnderConcurrency() throws Exception {
        long opener = Fixtures.people(1).get(0);
        ForumService forums = ctx.getBean(ForumService.class);
        long forum = forums.openStaffForum(new Actor(opener, "MODERATOR"), "동시 입장 테스트", "배경 설명", null, null);
        List<Long> people = Fixtures.people(60);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (long person : people) {
            tasks.add(() -> forums.takePosition(person, forum, "PRO"));
        }
        long same = people.get(0);
        for (int i = 0; i < 30; i++) {
            String position = i % 2 == 0 ? "CON" : "NEUTRAL";
            tasks.add(() -> {
                try {
                    return forums.takePosition(same, forum, position);
                } catch (kr.hamkke.shared.DomainException e) {
                    return -1;
                }
            });
        }
        concurrently(32, tasks);
        assertEquals(60, count("SELECT COUNT(*) FROM forum_position WHERE forum_id = ?", forum));
        assertEquals(60, count("SELECT participant_count FROM forum WHERE id = ?", forum));
        assertEquals(60, count("SELECT pro_count + con_count + neutral_count FROM forum WHERE id = ?", forum));
        assertEquals(count("SELECT COUNT(*) FROM forum_position WHERE forum_id = ? AND position = 'PRO'", forum),
                count("SELECT pro_count FROM forum WHERE id = ?", forum), "materialised counts match the rows");
    }

    @Test
    void nightlyReconciliationCorrectsAndAuditsADriftedCounter() throws Exception {
        Fixtures fx = new Fixtures(ctx);
        long id = fx.published(Fixtures.people(1).get(0), "카운터 대사 테스트");
        fx.support(id, Fixtures.people(3));
        try (var c = kr.hamkke.testing.TestDatabase.connect()) {
            c.createStatement().executeUpdate("UPDATE proposal SET support_count = 7 WHERE id = " + id);
        }
        assertTrue(service.reconcileCounts().contains(id));
        assertEquals(3, count("SELECT support_count FROM proposal WHERE id = ?", id));
        assertEquals(1, audits("proposal.reconcile", id));
        assertTrue(service.reconcileCounts().stream().noneMatch(p -> p == id));
    }
}
