package kr.hamkke.budgetlines.csv;

/** How a table prints a rate column: decimals (0 in 2018, 1 from 2020) and whether a % sign follows. */
public record RateStyle(int scale, boolean percentSign) {

    public static final RateStyle TENTHS = new RateStyle(1, false);
    public static final RateStyle TENTHS_PERCENT = new RateStyle(1, true);
    public static final RateStyle WHOLE_PERCENT = new RateStyle(0, true);
}
