package kr.hamkke.budgeting.ballot;

import static kr.hamkke.budgeting.ballot.BallotViolation.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BallotRulesTest {

    private static final Map<String, Long> COSTS = Map.of("A", 300_000_000L, "B", 200_000_000L, "C", 100_000_000L, "D", 50_000_000L);

    private static List<BallotPick> picks(String... ids) {
        return java.util.Arrays.stream(ids).map(BallotPick::of).toList();
    }

    @Test
    void k_approval() {
        BallotRule rule = new BallotRule.KApproval(2);
        assertEquals(List.of(), BallotRules.validate(rule, COSTS, picks("A", "B")));
        assertEquals(List.of(TOO_MANY_PICKS), BallotRules.validate(rule, COSTS, picks("A", "B", "C")));
        assertEquals(List.of(EMPTY), BallotRules.validate(rule, COSTS, List.of()));
        assertEquals(List.of(UNKNOWN_PROJECT), BallotRules.validate(rule, COSTS, picks("Z")));
        assertEquals(List.of(DUPLICATE_PICK), BallotRules.validate(rule, COSTS, picks("A", "A")));
        assertEquals(List.of(INVALID_POINTS), BallotRules.validate(rule, COSTS, List.of(new BallotPick("A", 2))));
    }

    @Test
    void knapsack_with_minimum_spend() {
        // Envelope 5억, at least 80% = 4억.
        BallotRule rule = new BallotRule.Knapsack(500_000_000L, 80);
        assertEquals(List.of(), BallotRules.validate(rule, COSTS, picks("A", "C", "D"))); // 4.5억
        assertEquals(List.of(OVER_BUDGET), BallotRules.validate(rule, COSTS, picks("A", "B", "C"))); // 6억
        assertEquals(List.of(UNDER_MIN_SPEND), BallotRules.validate(rule, COSTS, picks("A"))); // 3억
        assertEquals(List.of(EMPTY), BallotRules.validate(rule, COSTS, List.of()));
        assertEquals(List.of(), BallotRules.validate(new BallotRule.Knapsack(500_000_000L, 0), COSTS, picks("D")));
    }

    @Test
    void cumulative_points() {
        // 5 points, at most 3 per project.
        BallotRule rule = new BallotRule.Cumulative(5, 3);
        assertEquals(List.of(), BallotRules.validate(rule, COSTS, List.of(new BallotPick("A", 3), new BallotPick("B", 2))));
        assertEquals(List.of(TOO_MANY_POINTS), BallotRules.validate(rule, COSTS, List.of(new BallotPick("A", 3), new BallotPick("B", 3))));
        assertEquals(List.of(POINTS_PER_PROJECT_EXCEEDED), BallotRules.validate(rule, COSTS, List.of(new BallotPick("A", 4))));
        assertEquals(List.of(INVALID_POINTS), BallotRules.validate(rule, COSTS, List.of(new BallotPick("A", 0))));
    }

    @Test
    void why_cannot_i_add_this_project() {
        BallotRule twoPicks = new BallotRule.KApproval(2);
        assertEquals(Optional.empty(), BallotRules.whyCannotAdd(twoPicks, COSTS, picks("A"), "B"));
        assertEquals(Optional.of(TOO_MANY_PICKS), BallotRules.whyCannotAdd(twoPicks, COSTS, picks("A", "B"), "C"));
        assertEquals(Optional.of(DUPLICATE_PICK), BallotRules.whyCannotAdd(twoPicks, COSTS, picks("A"), "A"));
        assertEquals(Optional.of(UNKNOWN_PROJECT), BallotRules.whyCannotAdd(twoPicks, COSTS, picks("A"), "Z"));

        BallotRule knapsack = new BallotRule.Knapsack(500_000_000L, 90);
        // A + B = 5억 fits; A + B + D does not. A draft under the minimum spend may still grow.
        assertEquals(Optional.empty(), BallotRules.whyCannotAdd(knapsack, COSTS, picks("A"), "B"));
        assertEquals(Optional.of(OVER_BUDGET), BallotRules.whyCannotAdd(knapsack, COSTS, picks("A", "B"), "D"));

        BallotRule points = new BallotRule.Cumulative(5, 3);
        assertEquals(Optional.of(TOO_MANY_POINTS), BallotRules.whyCannotAdd(points, COSTS, List.of(new BallotPick("A", 3)), "B", 3));
        assertEquals(Optional.of(POINTS_PER_PROJECT_EXCEEDED), BallotRules.whyCannotAdd(points, COSTS, List.of(), "B", 4));
        assertEquals(Optional.empty(), BallotRules.whyCannotAdd(points, COSTS, List.of(new BallotPick("A", 3)), "B", 2));
    }

    @Test
    void min_spend_rounds_up() {
        assertEquals(34, new BallotRule.Knapsack(100, 33).minSpendWon() + 1); // 33% of 100 = 33
        assertEquals(34, new BallotRule.Knapsack(101, 33).minSpendWon()); // 33.33 → 34
    }
}
