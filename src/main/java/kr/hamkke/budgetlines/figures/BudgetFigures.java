package kr.hamkke.budgetlines.figures;

/** The computed figures of a budget line (DOMAIN §7.1, §8.5): always derived, never typed. */
public final class BudgetFigures {

    private BudgetFigures() {
    }

    /** 예산현액: final budget plus 사고이월액 carried over from last year. */
    public static long budgetCurrent(long finalWon, long carriedOverWon) {
        return Math.addExact(finalWon, carriedOverWon);
    }

    /** 증감 = A − B (A = this year's 본예산, B = last year's 최종예산). */
    public static long change(long a, long b) {
        return Math.subtractExact(a, b);
    }

    /** 증감률 = (A − B) × 100 / B, half-up to {@code scale} decimals (1 from 2020, 0 for the 2018 tables). */
    public static ChangeRate changeRate(long a, long b, int scale) {
        if (b == 0) {
            return new ChangeRate(a == 0 ? ChangeRate.Kind.NONE : ChangeRate.Kind.NEW, null);
        }
        Rate rate = Rate.of(change(a, b), b, scale);
        return new ChangeRate(a == 0 ? ChangeRate.Kind.ABOLISHED : ChangeRate.Kind.RATE, rate);
    }

    public static ChangeRate changeRate(long a, long b) {
        return changeRate(a, b, Rate.DEFAULT_SCALE);
    }

    /** 집행률 = spent / 예산현액; {@code null} when 예산현액 is 0. */
    public static Rate executionRate(long spent, long budgetCurrent, int scale) {
        return budgetCurrent == 0 ? null : Rate.of(spent, budgetCurrent, scale);
    }

    public static Rate executionRate(long spent, long budgetCurrent) {
        return executionRate(spent, budgetCurrent, Rate.DEFAULT_SCALE);
    }

    /** 원인행위율 = committed / 예산현액; {@code null} when 예산현액 is 0. */
    public static Rate commitmentRate(long committed, long budgetCurrent, int scale) {
        return budgetCurrent == 0 ? null : Rate.of(committed, budgetCurrent, scale);
    }

    public static Rate commitmentRate(long committed, long budgetCurrent) {
        return commitmentRate(committed, budgetCurrent, Rate.DEFAULT_SCALE);
    }
}
