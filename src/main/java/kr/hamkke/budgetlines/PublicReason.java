package kr.hamkke.budgetlines;

import java.util.Optional;

/** Reason codes for negative or reducing budget decisions (DOMAIN §8.3), each with public text ≥ 20 chars. */
public enum PublicReason {
    CUT("삭감"), REDUCED("감액"), INFEASIBLE("실행 불가"), INELIGIBLE("대상 아님"), NOT_ACCEPTED("미채택"),
    UNUSED("불용");

    public static final int MIN_TEXT = 20;

    private final String label;

    PublicReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<PublicReason> parse(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Counts characters as citizens see them (code points, surrounding blanks ignored). */
    public static boolean longEnough(String text) {
        return text != null && text.strip().codePointCount(0, text.strip().length()) >= MIN_TEXT;
    }
}
