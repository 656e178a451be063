package kr.hamkke.proposals;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Totals for the first page of the proposal list without counting every public row on each view: at 100,000
 * proposals the exact {@code COUNT(*)} was the whole cost of the page (~140 ms, the page query itself < 1 ms).
 * One grouped count (status × category × 자치구, a few thousand groups) is taken at most every {@link #MAX_AGE}
 * in the background and any keyword-free filter is summed from it. Small totals stay exact: below
 * {@link #EXACT_BELOW} the caller counts live (cheap at that size), so the demo and the tests always see exact
 * numbers; above it the shown total may lag by up to MAX_AGE plus one refresh.
 */
@Singleton
public class ListTotals {

    static final long EXACT_BELOW = 5_000;
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    record Group(String status, String category, String guCode, long count) {
    }

    private record Snapshot(List<Group> groups, Instant takenAt) {
    }

    private final Db db;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot;

    ListTotals(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The snapshot total for a keyword-free filter when it is large; empty means "count exactly". */
    OptionalLong estimate(String status, String category, String gu) {
        Snapshot s = snapshot;
        if (s == null) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (Group g : s.groups()) {
            if ((blank(status) || status.equals(g.status())) && (blank(category) || category.equals(g.category()))
                    && (blank(gu) || ("CITY".equals(gu) ? g.guCode() == null : gu.equals(g.guCode())))) {
                sum += g.count();
            }
        }
        return sum >= EXACT_BELOW ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    /** True when no snapshot exists or it is older than MAX_AGE and nobody is refreshing it: the caller refreshes. */
    boolean claimRefresh() {
        Snapshot s = snapshot;
        boolean due = s == null || s.takenAt().plus(MAX_AGE).isBefore(clock.instant());
        return due && refreshing.compareAndSet(false, true);
    }

    /** Takes a new snapshot (called on a background thread after {@link #claimRefresh()}). */
    @Transactional(readOnly = true)
    public void refresh() {
        try {
            List<Group> groups = db.list("""
                    SELECT status, category, gu_code, COUNT(*) FROM proposal
                    WHERE status NOT IN ('DRAFT','SUBMITTED','HIDDEN') GROUP BY status, category, gu_code""",
                    rs -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            snapshot = new Snapshot(groups, clock.instant());
        } finally {
            refreshing.set(false);
        }
    }

    private static boolean blank(String s) {
        return Objects.requireNonNullElse(s, "").isBlank();
    }
}
