package kr.hamkke.proposals.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** 테마토론: which candidate topic wins when the vote closes. */
public final class ThemeRules {

    private ThemeRules() {
    }

    public record Tally(long topicId, int ordinal, int votes) {
    }

    /**
     * The topic with the most votes; a tie goes to the topic listed first (the order staff published, known to
     * everyone before voting). No votes at all: no winner, and no forum opens.
     */
    public static Optional<Tally> winner(List<Tally> tallies) {
        return tallies.stream().filter(t -> t.votes() > 0)
                .max(Comparator.comparingInt(Tally::votes).thenComparing(Comparator.comparingInt(Tally::ordinal).reversed()));
    }

    /** Candidate topics per vote. */
    public static boolean topicCountAllowed(int n) {
        return n >= 2 && n <= 10;
    }
}
