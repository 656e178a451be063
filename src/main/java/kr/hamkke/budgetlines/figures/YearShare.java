package kr.hamkke.budgetlines.figures;

import java.math.BigInteger;
import java.time.LocalDate;

/**
 * f, the elapsed share of the fiscal (calendar) year at an as-of date, as an exact fraction of days:
 * {@code dayOfYear(asOf) / daysInYear}, never less than 1/12 and never more than 1. ’21.3.31 → 90/365.
 */
public record YearShare(long numerator, long denominator) {

    public YearShare {
        if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException(numerator + "/" + denominator);
        }
    }

    public static YearShare at(LocalDate asOf) {
        long days = asOf.lengthOfYear();
        long elapsed = asOf.getDayOfYear();
        // f >= 1/12  <=>  12 * elapsed >= days
        if (12 * elapsed < days) {
            return new YearShare(1, 12);
        }
        return new YearShare(elapsed, days);
    }

    /** {@code won ÷ f}, rounded half-up to whole 원 with exact integer arithmetic. */
    public long divide(long won) {
        BigInteger scaled = BigInteger.valueOf(won).multiply(BigInteger.valueOf(denominator));
        BigInteger[] qr = scaled.divideAndRemainder(BigInteger.valueOf(numerator));
        BigInteger q = qr[0];
        if (qr[1].abs().shiftLeft(1).compareTo(BigInteger.valueOf(numerator)) >= 0) {
            q = q.add(BigInteger.valueOf(qr[1].signum()));
        }
        return q.longValueExact();
    }

    /** f × 100 rounded half-up to 0.1, for display. */
    public Rate asRate() {
        return Rate.of(numerator, denominator);
    }
}
