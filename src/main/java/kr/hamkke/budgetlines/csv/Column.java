package kr.hamkke.budgetlines.csv;

/** Canonical columns of the report tables; printed header variants map onto these. */
public enum Column {
    NAME("구분", Kind.NAME),
    /** This year's 본예산 (A). */
    PLAN_AMOUNT("본예산(A)", Kind.AMOUNT),
    PREV_ORIGINAL("전년 본예산", Kind.AMOUNT),
    /** Last year's 최종예산 (B). */
    PREV_FINAL("전년 최종예산(B)", Kind.AMOUNT),
    CHANGE("증감(A-B)", Kind.DERIVED_AMOUNT),
    CHANGE_RATE("증감률", Kind.RATE),
    BUDGET("예산", Kind.AMOUNT),
    BUDGET_CURRENT("예산현액", Kind.AMOUNT),
    COMMITTED("원인행위액", Kind.AMOUNT),
    SPENT("지출액", Kind.AMOUNT),
    COMMIT_RATE("집행률(원인행위)", Kind.RATE),
    SPENT_RATE("집행률(지출)", Kind.RATE),
    FORECAST("연말 집행예상액", Kind.AMOUNT),
    FORECAST_RATE("연말 집행률", Kind.RATE);

    enum Kind { NAME, AMOUNT, DERIVED_AMOUNT, RATE }

    private final String label;
    private final Kind kind;

    Column(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    /** Korean label used in findings. */
    public String label() {
        return label;
    }

    /** Typed base amount: stored, and summed into subtotals. */
    public boolean isBaseAmount() {
        return kind == Kind.AMOUNT;
    }

    public boolean isRate() {
        return kind == Kind.RATE;
    }

    boolean isAmountLike() {
        return kind == Kind.AMOUNT || kind == Kind.DERIVED_AMOUNT;
    }
}
