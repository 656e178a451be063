package kr.hamkke.budgetlines;

import kr.hamkke.budgetlines.figures.Amounts;
import kr.hamkke.budgetlines.figures.ChangeRate;
import kr.hamkke.budgetlines.figures.Rate;

/** Number formatting for templates: 천원 like the reports, 억/만 원 for citizens, rates with one decimal. */
public final class Fmt {

    public static final Fmt INSTANCE = new Fmt();

    private Fmt() {
    }

    /** 천원 with separators and △, e.g. {@code 1,004,500}. */
    public String th(Long won) {
        if (won == null) {
            return "-";
        }
        return won % 1000 == 0 ? Amounts.formatThousandWon(won) : Amounts.formatThousandWon(won / 1000 * 1000) + "+";
    }

    public String citizens(Long won) {
        return won == null ? "-" : Amounts.formatForCitizens(won);
    }

    public String pct(Rate rate) {
        return rate == null ? "-" : rate.formatPercent();
    }

    public String change(ChangeRate rate) {
        return rate == null ? "-" : rate.display();
    }

    /** Width in percent (0–100) for a bar of part of whole. */
    public long bar(long part, long whole) {
        return whole <= 0 ? 0 : Math.max(0, Math.min(100, part * 100 / whole));
    }
}
