package kr.hamkke.budgetlines.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A percentage rounded half-up (away from zero) to a fixed number of decimals: 0.1 by default, whole
 * percent for the 2018 tables.
 */
public record Rate(BigDecimal percent) implements Comparable<Rate> {

    /** Printed rates: {@code 12.4}, {@code △37.2}, {@code 53%}, {@code 48.8%}. */
    public static final Pattern RATE_SYNTAX = Pattern.compile("^△?\\d{1,12}(\\.\\d{1,2})?%?$");

    public static final int DEFAULT_SCALE = 1;

    public Rate {
        if (percent == null) {
            throw new IllegalArgumentException("percent");
        }
    }

    /** {@code part × 100 / whole}, half-up to {@code scale} decimals; {@code whole} must not be 0. */
    public static Rate of(long part, long whole, int scale) {
        if (whole == 0) {
            throw new ArithmeticException("비율의 분모가 0");
        }
        BigDecimal value = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
        return new Rate(value);
    }

    public static Rate of(long part, long whole) {
        return of(part, whole, DEFAULT_SCALE);
    }

    public static boolean isWellFormed(String typed) {
        return typed != null && RATE_SYNTAX.matcher(typed).matches();
    }

    /** Parses a printed rate, keeping its printed precision (the scale of the result). */
    public static Rate parse(String typed) {
        if (!isWellFormed(typed)) {
            throw new IllegalArgumentException("비율 형식 오류: " + typed);
        }
        boolean negative = typed.startsWith("△");
        String body = typed.substring(negative ? 1 : 0).replace("%", "");
        BigDecimal value = new BigDecimal(body);
        return new Rate(negative ? value.negate() : value);
    }

    public int scale() {
        return percent.scale();
    }

    /** Table display with {@code △} for negatives, at this rate's scale, e.g. {@code △37.2}. */
    public String format() {
        String digits = percent.abs().toPlainString();
        return percent.signum() < 0 ? "△" + digits : digits;
    }

    /** Display with a percent sign, e.g. {@code 12.4%}. */
    public String formatPercent() {
        return format() + "%";
    }

    @Override
    public int compareTo(Rate other) {
        return percent.compareTo(other.percent);
    }
}
