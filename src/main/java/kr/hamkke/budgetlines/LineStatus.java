package kr.hamkke.budgetlines;

/** Where a budget line stands. CUT and UNUSED need a public reason. */
public enum LineStatus {
    REQUESTED("편성 요청"), COMPILED("편성"), CONFIRMED("의회 확정"), CUT("삭감"), UNUSED("불용");

    private final String label;

    LineStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean needsReason() {
        return this == CUT || this == UNUSED;
    }
}
