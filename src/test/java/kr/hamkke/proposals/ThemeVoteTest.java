package kr.hamkke.proposals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kr.hamkke.proposals.Fixtures.count;
import static kr.hamkke.proposals.Fixtures.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 테마토론: staff post topics, one vote per verified person under concurrency, the winner becomes a forum once. */
@MicronautTest(transactional = false)
@Property(name = "hamkke.test.mutable-clock", value = "true")
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
class ThemeVoteTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    TestClock clock;
    @Inject
    ThemeService themes;

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

    private long staffId() {
        return TestAccounts.withRole(ctx, Role.MODERATOR).id();
    }

    private long theme(int topics) {
        List<ThemeService.NewTopic> list = new ArrayList<>();
        for (int i = 1; i <= topics; i++) {
            list.add(new ThemeService.NewTopic("후보 주제 " + i, "주제 " + i + "의 배경 설명입니다."));
        }
        Instant now = clock.instant();
        return themes.create(new Actor(staffId(), "MODERATOR"), "시험 테마토론", "어떤 주제로 토론할까요?", now.minusSeconds(60),
                now.plus(Duration.ofDays(7)), list);
    }

    private List<Long> topicIds(long themeId) {
        return Fixtures.strings("SELECT id FROM theme_topic WHERE theme_vote_id = ? ORDER BY ordinal", themeId).stream()
                .map(Long::valueOf).toList();
    }

    private Browser signedIn(TestAccounts.TestAccount account) {
        Browser b = new Browser(server.getURI());
        assertEquals(303, b.signIn(account.email(), TestAccounts.PASSWORD).statusCode());
        return b;
    }

    @Test
    void staffPostAVoteOverHttpAndBadInputIs422WithAnErrorSummary() {
        Browser staff = signedIn(TestAccounts.withRole(ctx, Role.MODERATOR));
        assertEquals(200, staff.get("/staff/themes").statusCode());
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Seoul"));
        Map<String, String> form = new LinkedHashMap<>(Map.of("title", "2026 하반기 테마토론", "description", "시민이 고르는 토론 주제",
                "opensAt", now.minusHours(1).format(f), "closesAt", now.plusDays(7).format(f),
                "topicTitle", "한강 야간 소음", "topicBackground", "한강공원 야간 소음 문제"));
        long before = count("SELECT COUNT(*) FROM theme_vote");
        HttpResponse<String> oneTopic = staff.post("/staff/themes", form);
        assertEquals(422, oneTopic.statusCode(), "a vote needs at least two topics");
        assertTrue(oneTopic.body().contains("class=\"error-summary\""));
        assertTrue(oneTopic.body().contains("href=\"#topicTitle1\""));
        assertTrue(oneTopic.body().contains("2026 하반기 테마토론"), "what was typed is kept");
        Map<String, String> pastClose = new LinkedHashMap<>(form);
        pastClose.put("closesAt", now.minusDays(1).format(f));
        assertEquals(422, staff.post("/staff/themes", pastClose).statusCode());
        assertEquals(before, count("SELECT COUNT(*) FROM theme_vote"), "nothing stored");

        // Two topics: the body repeats topicTitle/topicBackground as a browser does.
        String body = "_csrf=" + staff.csrf() + "&title=" + enc("2026 하반기 테마토론") + "&description=" + enc("시민이 고르는 토론 주제")
                + "&opensAt=" + enc(now.minusHours(1).format(f)) + "&closesAt=" + enc(now.plusDays(7).format(f))
                + "&topicTitle=" + enc("한강 야간 소음") + "&topicBackground=" + enc("한강공원 야간 소음 문제")
                + "&topicTitle=" + enc("골목길 보행 안전") + "&topicBackground=" + enc("보도 없는 골목의 보행 안전")
                + "&topicTitle=&topicBackground=";
        HttpResponse<String> created = staff.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/staff/themes"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(303, created.statusCode(), created.body());
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replace("/themes/", ""));
        assertEquals(2, count("SELECT COUNT(*) FROM theme_topic WHERE theme_vote_id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'theme.create' AND subject_id = ?", String.valueOf(id)));

        // A citizen votes through the page; the page and 오늘의 공론장 list it.
        var citizen = TestAccounts.verified(ctx);
        Browser b = signedIn(citizen);
        String page = b.get("/themes/" + id).body();
        assertTrue(page.contains("골목길 보행 안전"));
        long topic = topicIds(id).get(1);
        assertEquals(303, b.post("/themes/" + id + "/vote", Map.of("topic", String.valueOf(topic))).statusCode());
        b.get("/themes/" + id);
        HttpResponse<String> again = b.post("/themes/" + id + "/vote", Map.of("topic", String.valueOf(topic)));
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("이미 투표했습니다"));
        assertTrue(new Browser(server.getURI()).get("/participate").body().contains("/themes/" + id));

        Browser unverified = signedIn(TestAccounts.citizen(ctx));
        unverified.get("/themes/" + id);
        assertEquals(403, unverified.post("/themes/" + id + "/vote", Map.of("topic", String.valueOf(topic))).statusCode());
        assertEquals(1, count("SELECT participant_count FROM theme_vote WHERE id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'theme.vote' AND subject_id = ?", String.valueOf(id)));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void onePersonVotingFiftyTimesAtOnceCountsOnceAndManyPeopleCountExactly() throws Exception {
        long id = theme(3);
        List<Long> topics = topicIds(id);
        long person = Fixtures.people(1).get(0);
        List<Callable<String>> same = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            same.add(() -> {
                try {
                    themes.vote(person, id, topics.get(n % 3));
                    return "ok";
                } catch (DomainException e) {
                    return e.code();
                }
            });
        }
        List<String> results = concurrently(16, same);
        assertEquals(1, results.stream().filter("ok"::equals).count(), results.toString());
        assertTrue(results.stream().filter(r -> !"ok".equals(r)).allMatch("themes.already-voted"::equals), results.toString());
        assertEquals(1, count("SELECT COUNT(*) FROM theme_ballot WHERE theme_vote_id = ?", id));

        List<Long> people = Fixtures.people(60);
        List<Callable<String>> many = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            long p = people.get(i);
            long t = topics.get(i % 2);
            many.add(() -> {
                themes.vote(p, id, t);
                return "ok";
            });
        }
        concurrently(16, many);
        assertEquals(61, count("SELECT participant_count FROM theme_vote WHERE id = ?", id));
        assertEquals(61, count("SELECT COUNT(*) FROM theme_ballot WHERE theme_vote_id = ?", id));
        assertEquals(61, count("SELECT SUM(vote_count) FROM theme_topic WHERE theme_vote_id = ?", id));
        for (long t : topics) {
            assertEquals(count("SELECT COUNT(*) FROM theme_ballot WHERE topic_id = ?", t),
                    count("SELECT vote_count FROM theme_topic WHERE id = ?", t), "counter of topic " + t);
        }
        // Counts are not shown while the vote runs.
        assertNull(themes.topics(themes.find(id)).get(0).votes());
    }

    @Test
    void atCloseTheWinnerBecomesAForumExactlyOnceEvenWithConcurrentClosers() throws Exception {
        long id = theme(3);
        List<Long> topics = topicIds(id);
        List<Long> people = Fixtures.people(5);
        themes.vote(people.get(0), id, topics.get(2));
        themes.vote(people.get(1), id, topics.get(2));
        themes.vote(people.get(2), id, topics.get(1));
        themes.vote(people.get(3), id, topics.get(2));
        long empty = theme(2);

        clock.advance(Duration.ofDays(8));
        assertEquals("themes.closed", assertThrows(DomainException.class, () -> themes.vote(people.get(4), id, topics.get(0))).code());
        List<Callable<Integer>> closers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            closers.add(() -> themes.closeDue());
        }
        concurrently(6, closers);
        assertEquals(1, count("SELECT COUNT(*) FROM forum WHERE theme_vote_id = ?", id), "exactly one forum");
        assertEquals("DECIDED", string("SELECT status FROM theme_vote WHERE id = ?", id));
        assertEquals(topics.get(2), count("SELECT winner_topic_id FROM theme_vote WHERE id = ?", id));
        assertEquals("후보 주제 3", string("SELECT title FROM forum WHERE theme_vote_id = ?", id));
        assertEquals("OPEN", string("SELECT status FROM forum WHERE theme_vote_id = ?", id));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'theme.close' AND subject_id = ?", String.valueOf(id)));

        assertEquals("NO_WINNER", string("SELECT status FROM theme_vote WHERE id = ?", empty));
        assertEquals(0, count("SELECT COUNT(*) FROM forum WHERE theme_vote_id = ?", empty), "no votes, no forum");

        // A second run later changes nothing.
        themes.closeDue();
        assertEquals(1, count("SELECT COUNT(*) FROM forum WHERE theme_vote_id = ?", id));

        // Results and the forum link are public after close.
        String page = new Browser(server.getURI()).get("/themes/" + id).body();
        long forumId = count("SELECT id FROM forum WHERE theme_vote_id = ?", id);
        assertTrue(page.contains("/forums/" + forumId), "links to the forum");
        assertTrue(page.contains("75.0"), "3 of 4 votes = 75.0%");
    }

    @Test
    void aTieGoesToTheTopicListedFirst() {
        long id = theme(3);
        List<Long> topics = topicIds(id);
        List<Long> people = Fixtures.people(4);
        themes.vote(people.get(0), id, topics.get(2));
        themes.vote(people.get(1), id, topics.get(1));
        themes.vote(people.get(2), id, topics.get(2));
        themes.vote(people.get(3), id, topics.get(1));
        clock.advance(Duration.ofDays(8));
        themes.closeDue();
        assertEquals(topics.get(1), count("SELECT winner_topic_id FROM theme_vote WHERE id = ?", id));
    }

    @Test
    void theApiListsVotesAndAcceptsOneVotePerPerson() {
        long id = theme(2);
        List<Long> topics = topicIds(id);
        var citizen = TestAccounts.verified(ctx);
        Browser b = new Browser(server.getURI());
        String token = Fixtures.token(b, citizen.email());
        HttpResponse<String> first = b.json("POST", "/api/themes/" + id + "/votes", "{\"topicId\":" + topics.get(0) + "}", token);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> second = b.json("POST", "/api/themes/" + id + "/votes", "{\"topicId\":" + topics.get(1) + "}", token);
        assertEquals(409, second.statusCode());
        assertTrue(second.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        HttpResponse<String> wrongTopic = b.json("POST", "/api/themes/" + id + "/votes", "{\"topicId\":999999999}",
                Fixtures.token(b, TestAccounts.verified(ctx).email()));
        assertEquals(422, wrongTopic.statusCode());
        HttpResponse<String> view = b.json("GET", "/api/themes/" + id, null, null);
        assertEquals(200, view.statusCode());
        assertTrue(view.body().contains("\"participantCount\":1"), view.body());
        assertTrue(!view.body().contains("\"votes\":") || view.body().contains("\"votes\":null"), "no counts while open: " + view.body());
        assertEquals(404, b.json("GET", "/api/themes/999999999", null, null).statusCode());
    }
}
