package kr.hamkke.budgetlines.figures;

/**
 * An amount of money in whole 원. Budget amounts entered or imported are multiples of 1,000 원, so they
 * print exactly in 천원.
 */
public record Amount(long won) implements Comparable<Amount> {

    public static final Amount ZERO = new Amount(0);

    public static Amount ofWon(long won) {
        return new Amount(won);
    }

    /** From a figure printed in 천원, e.g. {@code ofThousands(12_346_984)}. */
    public static Amount ofThousands(long thousands) {
        return new Amount(Math.multiplyExact(thousands, 1000L));
    }

    public boolean isWholeThousands() {
        return won % 1000 == 0;
    }

    public Amount plus(Amount other) {
        return new Amount(Math.addExact(won, other.won));
    }

    public Amount minus(Amount other) {
        return new Amount(Math.subtractExact(won, other.won));
    }

    public boolean isZero() {
        return won == 0;
    }

    /** 천원 with separators and △, e.g. {@code △28,916,456}. */
    public String formatThousands() {
        return Amounts.formatThousandWon(won);
    }

    /** 억/만 원 for citizen pages, e.g. {@code 5억 6,900만 원}. */
    public String formatForCitizens() {
        return Amounts.formatForCitizens(won);
    }

    @Override
    public int compareTo(Amount other) {
        return Long.compare(won, other.won);
    }

    @Override
    public String toString() {
        return won + "원";
    }
}
