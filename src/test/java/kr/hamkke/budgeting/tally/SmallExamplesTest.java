package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kr.hamkke.shared.Rational;
import org.junit.jupiter.api.Test;

/** Hand-checkable elections; the reasoning for each expected result is in the comments. */
class SmallExamplesTest {

    /** Builds an instance from "id:cost" projects and ballots written "a,b" (optionally "a:3,b:1" for points). */
    static TallyInstance election(long budget, String projects, String... ballots) {
        StringBuilder pb = new StringBuilder("META\nkey;value\nbudget;" + budget + "\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n");
        for (String p : projects.split(" ")) pb.append(p.replace(':', ';')).append('\n');
        pb.append("VOTES\nvoter_id;vote;points\n");
        int v = 0;
        for (String b : ballots) {
            StringBuilder ids = new StringBuilder();
            StringBuilder pts = new StringBuilder();
            for (String item : b.split(",")) {
                String[] parts = item.split(":");
                ids.append(ids.isEmpty() ? "" : ",").append(parts[0]);
                pts.append(pts.isEmpty() ? "" : ",").append(parts.length > 1 ? parts[1] : "1");
            }
            pb.append("v").append(v++).append(';').append(ids).append(';').append(pts).append('\n');
        }
        return TallyInstance.from(PabulibParser.parse(pb.toString()));
    }

    static String[] repeat(int times, String ballot) {
        String[] a = new String[times];
        java.util.Arrays.fill(a, ballot);
        return a;
    }

    static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void greedy_by_votes_skips_what_does_not_fit_and_continues() {
        // Budget 10. a (cost 6) has 3 votes, b (cost 5) 2 votes, c (cost 4) 1 vote.
        // Order a, b, c. a fits (left 4); b costs 5 > 4, skipped; c costs 4 ≤ 4, selected. Total 10.
        TallyInstance e = election(10, "a:6 b:5 c:4", "a", "a", "a,b", "b", "c");
        GreedyResult r = Greedy.run(e, Satisfaction.COST);
        assertEquals(List.of("a", "c"), r.selected());
        assertEquals(Rational.of(10), r.totalCost());
        assertEquals(GreedyStatus.SKIPPED_DOES_NOT_FIT, r.steps().get(1).status());
        assertEquals(Rational.of(4), r.steps().get(1).remainingBefore());
        assertEquals(Rational.of(10), r.steps().get(2).cumulativeCost());
        assertEquals(List.of(), r.violations());
    }

    @Test
    void greedy_cardinality_orders_by_votes_per_cost() {
        // Same election: densities a 3/6 = 1/2, b 2/5, c 1/4. Order a, b, c: same selection a, c.
        // Now make c cheap (cost 1): density 1 > 1/2, order c, a, b: c (left 9), a (left 3), b skipped.
        TallyInstance e = election(10, "a:6 b:5 c:1", "a", "a", "a,b", "b", "c");
        assertEquals(List.of("c", "a"), Greedy.run(e, Satisfaction.CARDINALITY).selected());
        // By votes instead: a (3) then b (2): 6 + 5 > 10 so b skipped, then c. Selection a, c.
        assertEquals(List.of("a", "c"), Greedy.run(e, Satisfaction.COST).selected());
    }

    @Test
    void ties_are_broken_by_id_as_a_string() {
        // "10" and "9" both have two votes and cost 5, budget 5: "10" < "9" as strings, so "10" wins.
        // MES: both voters hold 5/2 and would each pay 5/2 for either: ρ = 1/2 for both, tie → "10".
        TallyInstance e = election(5, "9:5 10:5", "9,10", "9,10");
        assertEquals(List.of("10"), Greedy.run(e, Satisfaction.COST).selected());
        assertEquals(List.of("10"), EqualShares.run(e, Satisfaction.COST).selected());
    }

    @Test
    void greedy_points_orders_by_total_points() {
        // Points: a gets 3+1 = 4, b gets 2+2 = 4, c gets 5. Order c, a, b (tie a/b by id).
        // Budget 8, costs 4 each: c, a selected; b does not fit.
        TallyInstance e = election(8, "a:4 b:4 c:4", "a:3,b:2", "a:1,b:2", "c:5");
        assertEquals(List.of("c", "a"), Greedy.run(e, Satisfaction.POINTS).selected());
    }

    @Test
    void greedy_positional_scores_k_minus_rank() {
        // 3 projects, no max_length so K = 3: ballot (b, a) gives b 3, a 2; (a) gives a 3; (c, b) gives c 3, b 2.
        // a 5, b 5, c 3. Order a, b (tie by id), c. Budget 2, cost 1 each: a, b.
        TallyInstance e = election(2, "a:1 b:1 c:1", "b,a", "a", "c,b");
        GreedyResult r = Greedy.run(e, Satisfaction.POSITIONAL);
        assertEquals(List.of("a", "b"), r.selected());
        assertEquals(Rational.of(5), r.steps().get(0).score());
    }

    @Test
    void mes_shares_cost_equally_among_supporters() {
        // Budget 12, 4 voters, each holds 3. Projects: a cost 6 (voters 0,1,2), b cost 6 (voter 3), c cost 3 (voter 3).
        // a: three supporters pay 2 each, ρ = 2/6 = 1/3. b: 1 supporter holding 3 < 6: unaffordable.
        // c: voter 3 pays 3, ρ = 3/3 = 1. Round 1 a (ρ 1/3), round 2 c (ρ 1). b dropped. Total 9.
        TallyInstance e = election(12, "a:6 b:6 c:3", "a", "a", "a", "b,c");
        MesResult r = EqualShares.run(e, Satisfaction.COST);
        assertEquals(List.of("a", "c"), r.selected());
        assertEquals(Rational.of(1, 3), r.rounds().get(0).rho());
        assertEquals(List.of(new PaymentShare(Rational.of(2), 3)), r.rounds().get(0).payments());
        assertEquals(Rational.of(1), r.finalBudget(0));
        assertEquals(Rational.ZERO, r.finalBudget(3));
        MesLoser b = r.losers().get(0);
        assertEquals("b", b.projectId());
        assertEquals(0, b.winnersBefore());
        assertEquals(Rational.of(3), b.moneyHeld());
        assertEquals(List.of(), r.violations());
    }

    @Test
    void mes_poorest_supporters_pay_all_they_have() {
        // Budget 9, 3 voters with 3 each. Round 1: a cost 4 supported by voter 0 alone: ρ = 4/4 > ... unaffordable (3 < 4).
        // b cost 2 by voters 0,1: each pays 1, ρ = 1/2. Then voter 0 holds 2, voter 1 holds 2, voter 2 holds 3.
        // c cost 6 by voters 0,1,2: 2+2+3 = 7 ≥ 6. Equal share 2 each; nobody is below 2, so ρ = 2/6 = 1/3.
        // Order by ρ: c (1/3) beats b (1/2) in round 1 though! Recompute from the start:
        // round 1: b ρ = 1/2 (pay 1 each), c ρ = (6/3)/6 = 1/3 → c first; everyone pays 2: holdings 1, 1, 1.
        // round 2: b needs 2 from voters 0,1 holding 1 each: exactly 2, each pays 1, ρ = 1/2. Total 8.
        TallyInstance e = election(9, "a:4 b:2 c:6", "a,b,c", "b,c", "c");
        MesResult r = EqualShares.run(e, Satisfaction.COST);
        assertEquals(List.of("c", "b"), r.selected());
        assertEquals(Rational.of(1, 2), r.rounds().get(1).rho());
        assertEquals(List.of(), r.violations());
        // a dropped before any winner: its only supporter held 3 < 4.
        assertEquals(Rational.of(3), r.losers().get(0).moneyHeld());
    }

    @Test
    void mes_loser_records_which_winners_its_supporters_paid_for() {
        // Budget 4, 2 voters hold 2 each. a cost 2 (both): each pays 1, ρ = 1/2. b cost 3 (both): 4 ≥ 3, ρ = (3/2)/3 = 1/2.
        // Tie at ρ = 1/2: "a" < "b", a wins. Then they hold 1 each: 2 < 3, b drops with 2 held, having paid 2 for a.
        TallyInstance e = election(4, "a:2 b:3", "a,b", "a,b");
        MesResult r = EqualShares.run(e, Satisfaction.COST);
        assertEquals(List.of("a"), r.selected());
        MesLoser b = r.losers().get(0);
        assertEquals(1, b.winnersBefore());
        assertEquals(Rational.of(2), b.moneyHeld());
        assertEquals(Map.of("a", Rational.of(2)), b.paidForWinners());
    }

    @Test
    void mes_cardinality_prefers_the_smallest_per_head_payment() {
        // Budget 10, 2 voters hold 5 each. a cost 4 (both): pays 2 each, ρ = 2. b cost 3 (voter 0): pays 3, ρ = 3.
        // With cost utilities: a ρ = 2/4 = 1/2, b ρ = 3/3 = 1 → a first as well; after a: 3, 3 left, b costs 3: voter 0 pays 3.
        // Cardinality: a (2) then b (3). Same order; now c cost 1 (voter 1): cardinality ρ = 1 → c before a.
        TallyInstance e = election(10, "a:4 b:3 c:1", "a,b", "a,c");
        assertEquals(List.of("c", "a", "b"), EqualShares.run(e, Satisfaction.CARDINALITY).selected());
        // cost utilities: a ρ 1/2, b ρ 1, c ρ 1 → a, then b and c tie at ρ 1: "b" < "c".
        assertEquals(List.of("a", "b", "c"), EqualShares.run(e, Satisfaction.COST).selected());
    }

    @Test
    void mes_points_utilities() {
        // Budget 6, 2 voters hold 3. a cost 3: voter 0 gives 2 points, voter 1 gives 1.
        // Σ min(3, ρ·u) = 3 with ρ·2 + ρ·1 = 3 → ρ = 1: voter 0 pays 2, voter 1 pays 1.
        TallyInstance e = election(6, "a:3", "a:2", "a:1");
        MesResult r = EqualShares.run(e, Satisfaction.POINTS);
        assertEquals(List.of("a"), r.selected());
        assertEquals(Rational.ONE, r.rounds().get(0).rho());
        assertEquals(Rational.ONE, r.finalBudget(0));
        assertEquals(Rational.of(2), r.finalBudget(1));
    }

    @Test
    void zero_cost_supported_projects_are_chosen_first() {
        TallyInstance e = election(10, "a:10 free:0 nobody:0", "a", "a,free");
        MesResult r = EqualShares.run(e, Satisfaction.COST);
        assertEquals(List.of("free", "a"), r.selected());
        // greedy by votes: a (2 votes) then free (tot = 0 under cost satisfaction), then unsupported "nobody" fits too.
        assertEquals(List.of("a", "free", "nobody"), Greedy.run(e, Satisfaction.COST).selected());
        // cardinality: a supported free project has infinite density.
        assertEquals(List.of("free", "a", "nobody"), Greedy.run(e, Satisfaction.CARDINALITY).selected());
    }

    @Test
    void greedy_completion_keeps_mes_winners_first() {
        // Budget 12 (3 each), first example: MES selects a, c (total 9); greedy by votes then tries
        // a (taken), b (1 vote, cost 6 > 3 left: skipped), c (taken). Nothing else: a, c.
        // Add d cost 3 with 1 vote from voter 0: MES: voter 0 has 1 left after a, cannot pay 3 alone… d dropped.
        // Greedy completion: left 12 − 9 = 3, d (cost 3) fits.
        TallyInstance e = election(12, "a:6 b:6 c:3 d:3", "a,d", "a", "a", "b,c");
        MesResult mes = EqualShares.run(e, Satisfaction.COST);
        assertEquals(List.of("a", "c"), mes.selected());
        assertEquals(List.of("a", "c", "d"), Completions.greedy(e, mes).selected());
        assertEquals(List.of("a", "c", "d"), TallyRule.MES_GREEDY.count(e).selected());
    }

    @Test
    void add1_raises_per_voter_budget_until_exhaustive() {
        // Budget 10, 2 voters: voter 0 approves a (cost 6), voter 1 approves b (cost 4).
        // k = 0: each holds 5. a unaffordable (5 < 6); b: voter 1 pays 4. Total 4, leftover 6 ≥ 6: a fits, not exhaustive.
        // k = 1: each holds 6. a: voter 0 pays 6, ρ = 1; b: ρ = 1, tie, "a" first; b also. Total 10 ≤ 10, exhaustive.
        TallyInstance e = election(10, "a:6 b:4", "a", "b");
        assertEquals(List.of("b"), EqualShares.run(e, Satisfaction.COST).selected());
        MesResult add1 = Completions.add1(e, Satisfaction.COST);
        assertEquals(1, add1.boost());
        assertEquals(List.of("a", "b"), add1.selected());
        assertTrue(add1.exhaustive());
    }

    @Test
    void add1_returns_the_previous_outcome_when_the_next_overspends() {
        // Budget 10, 3 voters (10/3 each). a cost 9 (voters 0,1,2), b cost 2 (voter 0), c cost 2 (voter 1).
        // k = 0: a: 10 ≥ 9, ρ = 3/9 = 1/3; b: voter 0 holds 10/3 ≥ 2, ρ = 1; c likewise. a first, each pays 3:
        //   holdings 1/3 each; b, c drop. Total 9, leftover 1 < 2: exhaustive → W_0.
        TallyInstance e = election(10, "a:9 b:2 c:2", "a,b", "a,c", "a");
        assertEquals(List.of("a"), Completions.add1(e, Satisfaction.COST).selected());
        // Budget 11: W_0 = a (pays 3 each, 2/3 left), leftover 2 fits b: not exhaustive.
        // k = 1: each holds 14/3; a first (ρ 1/3), then b and c affordable (5/3 < 2? no: 14/3 − 3 = 5/3 < 2) → drop.
        //   Same as W_0. k = 2: 17/3 − 3 = 8/3 ≥ 2: b and c chosen, total 13 > 11 → return W_1 = a.
        TallyInstance f = election(11, "a:9 b:2 c:2", "a,b", "a,c", "a");
        MesResult r = Completions.add1(f, Satisfaction.COST);
        assertEquals(List.of("a"), r.selected());
        assertEquals(1, r.boost());
    }

    @Test
    void per_voter_weights_set_the_endowment() {
        // Budget 10; voter 0 weight 3, voter 1 weight 1: endowments 7.5 and 2.5.
        // a (cost 7, voter 0) affordable; b (cost 3, voter 1) not (2.5 < 3).
        TallyInstance e = election(10, "a:7 b:3", "a", "b").withWeights(new Rational[] {Rational.of(3), Rational.ONE});
        MesResult r = EqualShares.run(e, Satisfaction.COST);
        assertEquals(List.of("a"), r.selected());
        assertEquals(Rational.of(15, 2), r.startingBudget(0));
        assertEquals(Rational.of(5, 2), r.startingBudget(1));
        assertEquals(List.of(), r.violations());
    }
}
