package kr.hamkke.budgeting.service;

/** What a phase switches on (DOMAIN §5.3 capability matrix). RESULTS = published results may be seen. */
public enum Capability {
    SUBMIT, EDIT, COMMENT, SCREEN, REVIEW, SHORTLIST, VOTE, BOOTH, PAPER, TURNOUT, TALLY, RESULTS, ASSEMBLY;

    public String messageKey() {
        return "budgeting.capability." + name();
    }
}
