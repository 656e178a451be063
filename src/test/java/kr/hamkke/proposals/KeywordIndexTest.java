package kr.hamkke.proposals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.proposals.rules.SearchText;
import kr.hamkke.shared.Actor;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyword bigram index (SearchGrams, V13) finds exactly what the substring match finds, and follows edits. */
@MicronautTest(transactional = false)
@Property(name = "hamkke.test.mutable-clock", value = "true")
@Property(name = "hamkke.proposals.scheduler.enabled", value = "false")
class KeywordIndexTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    @Test
    void bigramsCountCodePointsLikeTheDatabaseSubstring() {
        assertEquals(Set.of("공유", "유킥", "킥보", "보드"), SearchGrams.bigrams("공유킥보드"));
        assertEquals(Set.of("a😀", "😀b"), SearchGrams.bigrams("a😀b"), "a supplementary character is one character");
        assertTrue(SearchGrams.bigrams("x").isEmpty());
        assertEquals(List.of(), SearchGrams.queryGrams("역"), "one character: no bigram, LIKE alone");
        List<String> spread = SearchGrams.queryGrams(SearchText.normalize("어린이 보호구역 과속 카메라"));
        assertEquals(SearchGrams.MAX_QUERY_GRAMS, spread.size());
        assertEquals("어린", spread.get(0));
        assertEquals("메라", spread.get(spread.size() - 1));
    }

    @Test
    void keywordSearchFindsSubstringsAnywhereAndFollowsAnEdit() {
        Fixtures fx = new Fixtures(ctx);
        long author = Fixtures.people(1).get(0);
        String unique = "줄넘기" + System.nanoTime() % 100000;
        long hit = fx.published(author, "한강공원 " + unique + " 대회 개최");
        long miss = fx.published(author, "어린이 보호구역 과속 카메라 " + System.nanoTime() % 1000);
        assertEquals(SearchGrams.bigrams(TestDatabase.queryString("SELECT search_text FROM proposal WHERE id = ?", hit)).size(),
                TestDatabase.queryLong("SELECT COUNT(*) FROM proposal_gram WHERE proposal_id = ?", hit), "one row per distinct bigram");
        assertTrue(search(unique).contains("\"id\":" + hit + ","), "whole keyword");
        assertTrue(search(unique.substring(1) + "대회").contains("\"id\":" + hit + ","), "across words, spaces ignored");
        assertFalse(search(unique).contains("\"id\":" + miss + ","));

        long draft = fx.draft(author, "수영장 " + unique + " 연장");
        long gramsBefore = TestDatabase.queryLong("SELECT COUNT(*) FROM proposal_gram WHERE proposal_id = ?", draft);
        ctx.getBean(ProposalService.class).update(author, draft,
                new ProposalService.Input("수영장 야간 운영 연장", "주민 요청으로 야간 운영을 제안합니다.", "TRANSPORT", "11440"));
        assertTrue(gramsBefore > 0);
        assertEquals(0, TestDatabase.queryLong("SELECT COUNT(*) FROM proposal_gram WHERE proposal_id = ? AND gram = ?", draft,
                unique.substring(0, 2)), "the old text's bigrams are gone after the edit");
        ctx.getBean(ProposalService.class).submit(author, draft);
        ctx.getBean(ProposalService.class).publish(new Actor(fx.moderator(), "MODERATOR"), draft);
        assertTrue(search("야간운영").contains("\"id\":" + draft + ","), "the edited text is found");
    }

    private String search(String q) {
        return new Browser(server.getURI()).json("GET", "/api/proposals?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null).body();
    }
}
