package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.hamkke.shared.Rational;
import org.junit.jupiter.api.Test;

class ChannelWeightingTest {

    private static final ChannelBallot CIT_A = ChannelBallot.approval(ChannelGroup.CITIZEN, "A");
    private static final ChannelBallot CIT_B = ChannelBallot.approval(ChannelGroup.CITIZEN, "B");
    private static final ChannelBallot COM_B = ChannelBallot.approval(ChannelGroup.COMMITTEE, "B");
    private static final ChannelBallot SCH_A = ChannelBallot.approval(ChannelGroup.BUDGET_SCHOOL, "A");

    @Test
    void ballot_weight_is_group_share_over_group_size() {
        // 3 citizens (A, A, B), 2 committee (B, B), 1 budget school (A).
        List<ChannelBallot> ballots = List.of(CIT_A, CIT_A, CIT_B, COM_B, COM_B, SCH_A);
        ChannelWeighting w = new ChannelWeighting(ChannelWeights.defaults(), ballots);
        assertEquals(Rational.of(1, 6), w.ballotWeight(ChannelGroup.CITIZEN)); // 0.5 / 3
        assertEquals(Rational.of(1, 5), w.ballotWeight(ChannelGroup.COMMITTEE)); // 0.4 / 2
        assertEquals(Rational.of(1, 10), w.ballotWeight(ChannelGroup.BUDGET_SCHOOL)); // 0.1 / 1
        // A: 2/6 + 1/10 = 13/30; B: 1/6 + 2/5 = 17/30.
        List<ChannelWeighting.WeightedScore> scores = w.scores(List.of("A", "B"), ballots, 1);
        assertEquals(Rational.of(13, 30), scores.get(0).score());
        assertEquals(Rational.of(17, 30), scores.get(1).score());
        assertEquals("43.33%", scores.get(0).percent(2));
        assertEquals(Map.of(ChannelGroup.CITIZEN, 2L, ChannelGroup.COMMITTEE, 0L, ChannelGroup.BUDGET_SCHOOL, 1L),
                scores.get(0).approvalsByGroup());
    }

    @Test
    void an_empty_group_shares_its_weight_pro_rata() {
        // No budget-school ballots: 0.5 and 0.4 become 5/9 and 4/9.
        List<ChannelBallot> ballots = List.of(CIT_A, COM_B);
        ChannelWeighting w = new ChannelWeighting(ChannelWeights.defaults(), ballots);
        assertEquals(Rational.of(5, 9), w.effectiveShare(ChannelGroup.CITIZEN));
        assertEquals(Rational.of(4, 9), w.effectiveShare(ChannelGroup.COMMITTEE));
        assertEquals(Rational.ZERO, w.ballotWeight(ChannelGroup.BUDGET_SCHOOL));
        Rational total = java.util.Arrays.stream(w.ballotWeights(ballots)).reduce(Rational.ZERO, Rational::add);
        assertEquals(Rational.ONE, total);
    }

    @Test
    void cumulative_scores_divide_by_points_per_ballot() {
        // One citizen gives A 3 of 5 points, B 2: scores 3/5, 2/5 of the citizen share (all of it).
        ChannelBallot b = new ChannelBallot(ChannelGroup.CITIZEN, List.of("A", "B"), List.of(3L, 2L));
        ChannelWeighting w = new ChannelWeighting(ChannelWeights.defaults(), List.of(b));
        assertEquals(Rational.of(3, 5), w.scores(List.of("A", "B"), List.of(b), 5).get(0).score());
    }

    @Test
    void weights_must_sum_to_one() {
        assertThrows(IllegalArgumentException.class, () -> new ChannelWeights(Map.of(ChannelGroup.CITIZEN, Rational.of(1, 2))));
    }

    @Test
    void weighted_greedy_follows_weighted_score_and_mes_uses_weights_as_endowments() {
        // 10 citizens approve A; 1 committee member approves B. Weights: citizen ballots 0.5/10 each
        // → A scores 5/9 (after pro rata: 0.5/0.9), B scores 4/9. Envelope 9, both cost 5: greedy funds A, then B does not fit.
        List<ChannelBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 10; i++) ballots.add(CIT_A);
        ballots.add(ChannelBallot.approval(ChannelGroup.COMMITTEE, "B"));
        ChannelWeighting w = new ChannelWeighting(ChannelWeights.defaults(), ballots);
        TallyInstance e = w.instance(List.of("A", "B"), List.of(Rational.of(5), Rational.of(5)), Rational.of(9), ballots);
        GreedyResult greedy = Greedy.run(e, Satisfaction.COST);
        assertEquals(List.of("A"), greedy.selected());
        assertEquals(Rational.of(5, 9), greedy.steps().get(0).score());
        // MES: citizens hold 9 × 5/9 = 5 together, exactly A's cost; the committee member holds 9 × 4/9 = 4 < 5 for B.
        MesResult mes = EqualShares.run(e, Satisfaction.COST);
        assertEquals(List.of("A"), mes.selected());
        assertEquals(Rational.of(4), mes.startingBudget(10));
        assertEquals(Rational.of(1, 2), mes.startingBudget(0));
        assertEquals(List.of(), mes.violations());
    }
}
