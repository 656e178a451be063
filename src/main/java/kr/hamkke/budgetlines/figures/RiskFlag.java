package kr.hamkke.budgetlines.figures;

/** Execution risk flags (DOMAIN §7.1). */
public enum RiskFlag {
    /** Nothing committed after the idle date (June 30 by default). */
    IDLE("미착수"),
    /** 집행률 more than the lag threshold (30 points) below f × 100. */
    LAG("집행 부진"),
    /** The stated forecast exceeds the model forecast by more than the gap share (30%) of 예산현액. */
    FORECAST_GAP("연말 예상 과다"),
    /**
     * From the first quarterly report (3.31) on, the model year-end forecast leaves more than the shortfall share
     * (30%) of 예산현액 unspent. Catches the early-year gaps LAG cannot (f × 100 is below 30 until about April 20):
     * the bureau at 12.4% on ’21.3.31 heads for 50.3% (DOMAIN §7.1).
     */
    SHORTFALL("연말 불용 우려");

    private final String label;

    RiskFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
