package kr.hamkke.security;

import kr.hamkke.shared.limits.RateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window arithmetic of the shared limiter, without a server. */
class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void allowsTheLimitThenRefusesUntilTheWindowEnds() {
        RateLimiter limiter = new RateLimiter();
        Duration minute = Duration.ofMinutes(1);
        assertTrue(limiter.attempt("k", 2, minute, T0).allowed());
        assertTrue(limiter.attempt("k", 2, minute, T0.plusSeconds(10)).allowed());
        RateLimiter.Decision refused = limiter.attempt("k", 2, minute, T0.plusSeconds(20));
        assertFalse(refused.allowed());
        assertEquals(40, refused.retryAfterSeconds());
        assertTrue(limiter.attempt("other", 2, minute, T0.plusSeconds(20)).allowed(), "keys are independent");
        assertTrue(limiter.attempt("k", 2, minute, T0.plusSeconds(60)).allowed(), "a new window starts");
    }
}
