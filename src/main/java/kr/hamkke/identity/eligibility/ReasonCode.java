package kr.hamkke.identity.eligibility;

/** Why someone may not take part; the UI turns each into a sentence that says what to do next. */
public enum ReasonCode {
    ELIGIBLE,
    NOT_LOGGED_IN,
    NOT_VERIFIED,
    UNDER_AGE,
    NO_RELATION,
    OUT_OF_SCOPE,
    PHASE_CLOSED,
    ALREADY_VOTED_PAPER,
    NOT_MEMBER;

    /** i18n key of the explanation. */
    public String messageKey() {
        return "eligibility." + name();
    }
}
