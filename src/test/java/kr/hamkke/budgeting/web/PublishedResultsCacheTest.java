package kr.hamkke.budgeting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublishedResultsCacheTest {

    @Test
    void rendersOncePerKeyAndAgainForANewRunOrLanguage() {
        PublishedResultsCache cache = new PublishedResultsCache(Duration.ofMinutes(5));
        AtomicInteger renders = new AtomicInteger();
        var run1 = new PublishedResultsCache.Key(7, 100, "ko");
        assertEquals("r1", cache.body(run1, () -> "r" + renders.incrementAndGet()));
        assertEquals("r1", cache.body(run1, () -> "r" + renders.incrementAndGet()));
        assertEquals(1, renders.get());
        assertEquals("r2", cache.body(new PublishedResultsCache.Key(7, 101, "ko"), () -> "r" + renders.incrementAndGet()), "new run");
        assertEquals("r3", cache.body(new PublishedResultsCache.Key(7, 100, "en"), () -> "r" + renders.incrementAndGet()), "language");
        cache.forget(7);
        assertEquals("r4", cache.body(run1, () -> "r" + renders.incrementAndGet()), "forgotten");
    }

    @Test
    void expiredOrDisabledEntriesRenderAgain() throws InterruptedException {
        PublishedResultsCache shortLived = new PublishedResultsCache(Duration.ofMillis(20));
        var key = new PublishedResultsCache.Key(1, 1, "ko");
        assertEquals("a", shortLived.body(key, () -> "a"));
        Thread.sleep(40);
        assertEquals("b", shortLived.body(key, () -> "b"));
        PublishedResultsCache off = new PublishedResultsCache(Duration.ZERO);
        assertEquals("x", off.body(key, () -> "x"));
        assertEquals("y", off.body(key, () -> "y"));
    }

    @Test
    void onlyTheSiteLanguagesAreKeys() {
        assertTrue(PublishedResultsCache.cacheableLanguage(null));
        assertTrue(PublishedResultsCache.cacheableLanguage("ko"));
        assertTrue(PublishedResultsCache.cacheableLanguage("en"));
        assertFalse(PublishedResultsCache.cacheableLanguage("en-US"));
        assertFalse(PublishedResultsCache.cacheableLanguage("xx-evil"));
    }
}
