package kr.hamkke.budgetlines;

import java.util.Optional;

/** What a budget line can fund: a winner from one of the citizen-decision features. */
public enum SubjectKind {
    /** 시민참여예산 project after assembly approval. */
    PB_PROJECT("pb-project"),
    /** Accepted 민주주의 서울 proposal. */
    PROPOSAL("proposal"),
    /** Adopted 서울시민회의 policy proposal. */
    POLICY_PROPOSAL("policy-proposal");

    private final String slug;

    SubjectKind(String slug) {
        this.slug = slug;
    }

    /** URL form, e.g. {@code /accountability/pb-project/12}. */
    public String slug() {
        return slug;
    }

    public static Optional<SubjectKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (SubjectKind k : values()) {
            if (k.slug.equalsIgnoreCase(text) || k.name().equalsIgnoreCase(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
