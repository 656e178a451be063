package kr.hamkke.proposals.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * "Within N days" = until 23:59:59.999999 KST on the Nth calendar day after the trigger day
 * (DOMAIN §0). Overdue days count whole KST calendar days after the due date.
 */
public final class Deadlines {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private Deadlines() {
    }

    public static Instant endOfDayAfter(Instant trigger, int days) {
        LocalDate due = trigger.atZone(SEOUL).toLocalDate().plusDays(days);
        return due.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.MICROS).atZone(SEOUL).toInstant();
    }

    /** 0 while not yet late; otherwise how many KST days have passed since the due date. */
    public static long overdueDays(Instant dueAt, Instant answeredAt, Instant now) {
        if (dueAt == null) {
            return 0;
        }
        Instant reference = answeredAt != null ? answeredAt : now;
        if (!reference.isAfter(dueAt)) {
            return 0;
        }
        LocalDate due = dueAt.atZone(SEOUL).toLocalDate();
        LocalDate ref = reference.atZone(SEOUL).toLocalDate();
        return Math.max(1, ChronoUnit.DAYS.between(due, ref));
    }
}
