package kr.hamkke.budgetlines.figures;

/** Execution risk flags (DOMAIN §7.1). */
public enum RiskFlag {
    /** Nothing committed after the idle date (June 30 by default). */
    IDLE("미착수"),
    /** 집행률 more than the lag threshold (30 points) below f × 100. */
    LAG("집행 부진"),
    /** The stated forecast exceeds the model forecast by more than the gap share (30%) of 예산현액. */
    FORECAST_GAP("연말 예상 과다");

    private final String label;

    RiskFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
