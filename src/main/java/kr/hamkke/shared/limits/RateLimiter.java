package kr.hamkke.shared.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters per key ("proposal-create:account:42"). Plain Java so the rule is testable
 * without a server. In memory per instance: behind a load balancer with N instances a person gets at
 * most N times the limit, which still stops floods (docs/SECURITY.md).
 */
public final class RateLimiter {

    /** Above this many keys, expired windows are swept so memory stays bounded. */
    private static final int SWEEP_ABOVE = 50_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** The outcome of one attempt: allowed, or refused with the seconds until the window ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private record Window(Instant start, int count) {
    }

    /** Counts one attempt under {@code key}; refuses it when {@code limit} attempts were already made in the window. */
    public Decision attempt(String key, int limit, Duration window, Instant now) {
        if (windows.size() > SWEEP_ABOVE) {
            windows.entrySet().removeIf(e -> !e.getValue().start().plus(window).isAfter(now));
        }
        Window w = windows.compute(key, (k, old) -> old == null || !old.start().plus(window).isAfter(now)
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        if (w.count() <= limit) {
            return new Decision(true, 0);
        }
        long retry = Math.max(1, Duration.between(now, w.start().plus(window)).toSeconds());
        return new Decision(false, retry);
    }

    public void clear() {
        windows.clear();
    }
}
