package kr.hamkke.budgeting.tally;

import java.util.Locale;

/** Pabulib {@code vote_type}; {@code choose-1} is an approval ballot with one project. */
public enum VoteType {
    APPROVAL, ORDINAL, CUMULATIVE, SCORING, CHOOSE_1;

    public static VoteType fromPabulib(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "approval" -> APPROVAL;
            case "ordinal" -> ORDINAL;
            case "cumulative" -> CUMULATIVE;
            case "scoring" -> SCORING;
            case "choose-1" -> CHOOSE_1;
            default -> throw new PabulibFormatException("unknown vote_type: " + text);
        };
    }

    public boolean hasPoints() {
        return this == CUMULATIVE || this == SCORING;
    }
}
