package kr.hamkke.proposals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kr.hamkke.proposals.Fixtures.audits;
import static kr.hamkke.proposals.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate delivery (issue 7): a support or forum position retried with the same Idempotency-Key
 * is processed once and the first answer is replayed; the key reused for another request is 422.
 * The mechanism is kr.hamkke.shared.idempotency (table idempotency_record).
 */
@MicronautTest(transactional = false)
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
class IdempotentRetriesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> post(String path, String json, String token, String key) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.getURI() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSameSupportKeySentTwentyTimesAtOnceGivesOneSupportAndTwentyIdenticalAnswers() throws Exception {
        Fixtures fx = new Fixtures(ctx);
        long id = fx.published(Fixtures.people(1).get(0), "멱등 공감 동시 재전송 테스트");
        var citizen = TestAccounts.verified(ctx);
        String token = Fixtures.token(new Browser(server.getURI()), citizen.email());
        String key = UUID.randomUUID().toString();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("/api/proposals/" + id + "/support", null, token, key);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (var f : futures) {
                answers.add(f.get());
            }
            assertTrue(answers.stream().allMatch(a -> a.statusCode() == 201), answers.stream().map(HttpResponse::body).toList().toString());
            assertEquals(1, answers.stream().map(HttpResponse::body).distinct().count(), "every retry replays the first answer");
            assertTrue(answers.get(0).body().contains("\"supportCount\":1"), answers.get(0).body());
            assertEquals(19, answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isPresent()).count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", id));
        assertEquals(1, count("SELECT support_count FROM proposal WHERE id = ?", id));
        assertEquals(1, audits("proposal.support", id));
        assertEquals(1, count("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", key));

        HttpResponse<String> later = post("/api/proposals/" + id + "/support", null, token, key);
        assertEquals(201, later.statusCode(), "a retry long after the first answer still replays it");
        assertEquals("true", later.headers().firstValue("Idempotent-Replayed").orElse(""));
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedAndChangesNothing() throws Exception {
        Fixtures fx = new Fixtures(ctx);
        long author = Fixtures.people(1).get(0);
        long first = fx.published(author, "멱등 키 재사용 테스트 하나");
        long second = fx.published(author, "멱등 키 재사용 테스트 둘");
        var citizen = TestAccounts.verified(ctx);
        String token = Fixtures.token(new Browser(server.getURI()), citizen.email());
        String key = "retry-" + UUID.randomUUID();

        assertEquals(201, post("/api/proposals/" + first + "/support", null, token, key).statusCode());
        HttpResponse<String> reused = post("/api/proposals/" + second + "/support", null, token, key);
        assertEquals(422, reused.statusCode(), reused.body());
        assertTrue(reused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("idempotency.key-reused", fx.json(reused.body()).get("code"));
        assertEquals(0, count("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", second));

        HttpResponse<String> bad = post("/api/proposals/" + second + "/support", null, token, "has a space");
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals("idempotency.key-invalid", fx.json(bad.body()).get("code"));
        assertEquals(422, post("/api/proposals/" + second + "/support", null, token, "k".repeat(101)).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", second));

        // Another account may use the same key text: keys are per account.
        var other = TestAccounts.verified(ctx);
        String otherToken = Fixtures.token(new Browser(server.getURI()), other.email());
        assertEquals(201, post("/api/proposals/" + second + "/support", null, otherToken, key).statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", second));
    }

    @Test
    void aFailedFirstAttemptIsNotRememberedAndWithoutAKeyRetriesAreRefusedAsBefore() throws Exception {
        Fixtures fx = new Fixtures(ctx);
        long id = fx.published(Fixtures.people(1).get(0), "멱등 실패 재시도 테스트");
        var citizen = TestAccounts.verified(ctx);
        String token = Fixtures.token(new Browser(server.getURI()), citizen.email());
        assertEquals(201, post("/api/proposals/" + id + "/support", null, token, null).statusCode());
        String key = UUID.randomUUID().toString();
        HttpResponse<String> refused = post("/api/proposals/" + id + "/support", null, token, key);
        assertEquals(409, refused.statusCode(), "already supported without the key: the rule answers");
        assertEquals(0, count("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", key), "a refusal is not stored");
        assertEquals(409, post("/api/proposals/" + id + "/support", null, token, null).statusCode());
        assertEquals(1, count("SELECT support_count FROM proposal WHERE id = ?", id));
    }

    @Test
    void aForumPositionRetriedWithTheSameKeyCountsOnceAndADifferentPositionUnderTheKeyIsRefused() throws Exception {
        Fixtures fx = new Fixtures(ctx);
        ForumService forums = ctx.getBean(ForumService.class);
        long forum = forums.openStaffForum(new Actor(fx.moderator(), "MODERATOR"), "멱등 입장 테스트", "배경 설명", null, null);
        var citizen = TestAccounts.verified(ctx);
        String token = Fixtures.token(new Browser(server.getURI()), citizen.email());
        String key = UUID.randomUUID().toString();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("/api/forums/" + forum + "/position", "{\"position\":\"PRO\"}", token, key);
                }));
            }
            start.countDown();
            for (var f : futures) {
                HttpResponse<String> a = f.get();
                assertEquals(200, a.statusCode(), a.body());
                assertTrue(a.body().contains("\"participantCount\":1"), a.body());
            }
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> changed = post("/api/forums/" + forum + "/position", "{\"position\":\"CON\"}", token, key);
        assertEquals(422, changed.statusCode(), "the same key with another body");
        assertEquals(1, count("SELECT participant_count FROM forum WHERE id = ?", forum));
        assertEquals(1, count("SELECT pro_count FROM forum WHERE id = ?", forum));
        assertEquals(0, count("SELECT con_count FROM forum WHERE id = ?", forum));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'forum.position%' AND actor_id = ?", citizen.id()));
    }
}
