package kr.hamkke.budgetlines;

/** The budget decision on one subject: funded in full, funded with a reduced amount, or not funded. */
public enum FundingOutcome {
    FUNDED("예산 반영"), REDUCED("감액 반영"), NOT_FUNDED("미반영");

    private final String label;

    FundingOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean needsReason() {
        return this != FUNDED;
    }
}
