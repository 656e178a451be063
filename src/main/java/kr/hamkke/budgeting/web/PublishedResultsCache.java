package kr.hamkke.budgeting.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The rendered body of a PB results page, shared by every visitor of one locale.
 *
 * <p>Why: on vote day the results page was the most expensive view (19 % of app CPU in the profile: a table per
 * project and three charts). A published tally never changes, so the key holds the published run's id: publishing
 * another run is a new key and the old body is never served again. Project titles, exclusion reasons and turnout
 * are read live with the tally and may still change after publication, so an entry also expires after a short TTL
 * ({@code hamkke.budgeting.results-cache-ttl}, 30 s; 0 turns the cache off). Only the body is cached: the layout
 * around it (signed-in user, CSRF token, flash) is rendered per request.
 */
@Singleton
class PublishedResultsCache {

    /** Track ids are bounded by tracks with a published tally and languages by {@link #cacheableLanguage}. */
    private static final int MAX_ENTRIES = 512;

    record Key(long trackId, long tallyId, String lang) {
    }

    private record Entry(String html, long expiresAtNanos) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    PublishedResultsCache(@Value("${hamkke.budgeting.results-cache-ttl:30s}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The cached body, or a freshly rendered one (two concurrent misses may both render: harmless, same HTML). */
    String body(Key key, Supplier<String> render) {
        if (ttlNanos <= 0) {
            return render.get();
        }
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null && now - e.expiresAtNanos() < 0) {
            return e.html();
        }
        String html = render.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(html, now + ttlNanos));
        return html;
    }

    /** Explicit invalidation, e.g. after a correction to a track's projects. */
    void forget(long trackId) {
        entries.keySet().removeIf(k -> k.trackId() == trackId);
    }

    /** Only the two languages of the site are cache keys: any other lang cookie value renders uncached. */
    static boolean cacheableLanguage(String langCookie) {
        return langCookie == null || "ko".equals(langCookie) || "en".equals(langCookie);
    }
}
