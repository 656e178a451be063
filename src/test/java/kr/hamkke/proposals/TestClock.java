package kr.hamkke.proposals;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import kr.hamkke.shared.ClockFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock tests can move forward (system time plus an offset). Only in contexts that ask for it with
 * {@code hamkke.test.mutable-clock=true}, so other features' tests keep the real clock.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ClockFactory.SEOUL;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Factory
    @Requires(property = "hamkke.test.mutable-clock", value = "true")
    static class TestClockFactory {

        @Singleton
        @Replaces(bean = Clock.class, factory = ClockFactory.class)
        TestClock testClock() {
            return new TestClock();
        }
    }
}
