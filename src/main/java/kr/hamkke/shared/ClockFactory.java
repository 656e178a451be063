package kr.hamkke.shared;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** One injectable clock so deadlines and phases are testable. */
@Factory
public class ClockFactory {

    /** Business dates and deadlines are in Seoul time (KST). */
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Singleton
    Clock clock() {
        return Clock.system(SEOUL);
    }
}
