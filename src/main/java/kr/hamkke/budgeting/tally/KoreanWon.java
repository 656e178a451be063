package kr.hamkke.budgeting.tally;

import java.text.NumberFormat;
import java.util.Locale;
import kr.hamkke.shared.Rational;

/**
 * Korean money for explanations, 원 amounts as long: below 1억 plain with separators (24,917원,
 * 50,000원); from 1억 in 억/만 units (3억 원, 1억 2,000만 원, 1억 2,345만 6,789원).
 */
public final class KoreanWon {

    private static final long MAN = 10_000L;
    private static final long EOK = 100_000_000L;

    private KoreanWon() {
    }

    public static String format(long won) {
        if (won < 0) return "-" + format(-won);
        if (won < EOK) return grouped(won) + "원";
        long eok = won / EOK;
        long man = won % EOK / MAN;
        long rest = won % MAN;
        StringBuilder sb = new StringBuilder();
        if (eok > 0) sb.append(grouped(eok)).append('억');
        if (man > 0) sb.append(sb.isEmpty() ? "" : " ").append(grouped(man)).append('만');
        if (rest > 0) return sb.append(sb.isEmpty() ? "" : " ").append(grouped(rest)).append('원').toString();
        return sb.append(" 원").toString();
    }

    /** Rounds half-up to whole 원 first; the exact value is published beside it. */
    public static String format(Rational won) {
        return format(won.roundHalfUp().longValueExact());
    }

    static String grouped(long value) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(value);
    }
}
