package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import kr.hamkke.shared.Rational;
import kr.hamkke.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

/** Invariants of the counting rules on random small elections, and MES against a naive per-voter version. */
class TallyPropertiesTest {

    /**
     * A small election as generated: 1..7 projects costing 0..30 each, 1..12 ballots each listing a non-empty set
     * of projects, a budget of 1..80 and a seed 0..1000 for the points. Its toString is what a failure reports.
     */
    record Election(int m, List<Long> costs, List<List<Integer>> ballots, long budget, long seedPoints) {
        TallyInstance instance() {
            return TallyPropertiesTest.instance(m, costs, ballots, budget, seedPoints);
        }
    }

    private static Election election(Random rnd) {
        int m = rnd.nextInt(1, 8);
        List<Long> costs = new ArrayList<>(m);
        for (int p = 0; p < m; p++) costs.add(rnd.nextLong(0, 31));
        int voters = rnd.nextInt(1, 13);
        List<List<Integer>> ballots = new ArrayList<>(voters);
        for (int i = 0; i < voters; i++) ballots.add(ballot(rnd, m));
        return new Election(m, costs, ballots, rnd.nextLong(1, 81), rnd.nextLong(0, 1001));
    }

    /** A set of 1..m distinct projects, listed in the set's iteration order as the jqwik version did. */
    private static List<Integer> ballot(Random rnd, int m) {
        List<Integer> all = new ArrayList<>(IntStream.range(0, m).boxed().toList());
        Collections.shuffle(all, rnd);
        Set<Integer> chosen = new HashSet<>(all.subList(0, rnd.nextInt(1, m + 1)));
        return new ArrayList<>(chosen);
    }

    /**
     * The ends of every range: 1 or 7 projects, all free or all costing 30, one ballot with one project or
     * 12 ballots listing everything, budget 1 or 80, seed 0 or 1000 (32 elections).
     */
    private static List<Election> edgeElections() {
        List<Election> elections = new ArrayList<>();
        for (int m : new int[] {1, 7})
            for (long cost : new long[] {0, 30})
                for (boolean full : new boolean[] {false, true})
                    for (long budget : new long[] {1, 80})
                        for (long seed : new long[] {0, 1000}) {
                            List<Integer> everything = IntStream.range(0, m).boxed().toList();
                            List<List<Integer>> ballots = full ? Collections.nCopies(12, everything) : List.of(List.of(0));
                            elections.add(new Election(m, Collections.nCopies(m, cost), ballots, budget, seed));
                        }
        return elections;
    }

    private static TallyInstance instance(int m, List<Long> costs, List<List<Integer>> ballots, long budget, long seed) {
        String[] ids = new String[m];
        Rational[] cost = new Rational[m];
        for (int p = 0; p < m; p++) {
            ids[p] = "p" + (p * 7 % 11);
            cost[p] = Rational.of(costs.get(p));
        }
        int[][] listed = ballots.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        long[][] points = new long[listed.length][];
        for (int i = 0; i < listed.length; i++) {
            points[i] = new long[listed[i].length];
            for (int k = 0; k < points[i].length; k++) points[i][k] = 1 + (seed + 3L * i + 5L * k) % 4;
        }
        return new TallyInstance(ids, cost, Rational.of(budget), listed, points, null, m);
    }

    @Test
    void greedy_stays_in_budget_and_is_exhaustive() {
        PropertyCheck.forAll("greedy_stays_in_budget_and_is_exhaustive", 300, edgeElections(),
                TallyPropertiesTest::election, election -> {
                    TallyInstance e = election.instance();
                    for (Satisfaction s : Satisfaction.values()) {
                        GreedyResult r = Greedy.run(e, s);
                        assertTrue(r.totalCost().compareTo(e.budget()) <= 0);
                        assertEquals(List.of(), r.violations(), "greedy " + s);
                    }
                });
    }

    @Test
    void mes_invariants_hold() {
        PropertyCheck.forAll("mes_invariants_hold", 300, edgeElections(), TallyPropertiesTest::election, election -> {
            TallyInstance e = election.instance();
            for (Satisfaction s : List.of(Satisfaction.COST, Satisfaction.CARDINALITY, Satisfaction.POINTS)) {
                MesResult r = EqualShares.run(e, s);
                assertTrue(r.totalCost().compareTo(e.budget()) <= 0);
                assertEquals(List.of(), r.violations(), "MES " + s);
                for (MesRound round : r.rounds()) assertEquals(round.cost(), round.paid());
                for (int i = 0; i < e.ballotCount(); i++) {
                    assertTrue(r.finalBudget(i).signum() >= 0);
                    assertTrue(r.finalBudget(i).compareTo(r.startingBudget(i)) <= 0);
                }
            }
        });
    }

    @Test
    void lazy_grouped_mes_equals_naive_per_voter_mes() {
        PropertyCheck.forAll("lazy_grouped_mes_equals_naive_per_voter_mes", 300, edgeElections(),
                TallyPropertiesTest::election, election -> {
                    TallyInstance e = election.instance();
                    for (Satisfaction s : List.of(Satisfaction.COST, Satisfaction.CARDINALITY, Satisfaction.POINTS)) {
                        List<String> lazy = EqualShares.run(new GroupedProfile(e, s), 0, false).selected();
                        assertEquals(NaiveMes.run(e, s, 0), lazy, "MES " + s);
                        assertEquals(EqualShares.run(e, s).selected(), lazy, "traced MES " + s);
                    }
                });
    }

    @Test
    void add1_result_fits_the_budget() {
        PropertyCheck.forAll("add1_result_fits_the_budget", 200, edgeElections(), TallyPropertiesTest::election,
                election -> {
                    TallyInstance e = election.instance();
                    MesResult r = Completions.add1(e, Satisfaction.COST);
                    assertTrue(r.totalCost().compareTo(e.budget()) <= 0);
                    assertEquals(List.of(), r.violations());
                    GreedyResult completed = Completions.greedy(e, r);
                    assertEquals(r.selected(), completed.selected().subList(0, r.selected().size()));
                    assertEquals(List.of(), completed.violations());
                });
    }

    /** MES written straight from the definition: every voter separately, every candidate every round. */
    static final class NaiveMes {
        static List<String> run(TallyInstance e, Satisfaction s, long boost) {
            int n = e.ballotCount();
            int m = e.projectCount();
            Rational[] budget = new Rational[n];
            for (int i = 0; i < n; i++) budget[i] = e.budget().divide(n).add(Rational.of(boost));
            Rational[][] u = new Rational[n][m];
            boolean[] supported = new boolean[m];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(u[i], Rational.ZERO);
                int[] listed = e.ballot(i);
                for (int k = 0; k < listed.length; k++) {
                    long f = e.factor(i, k, s);
                    u[i][listed[k]] = e.unit(listed[k], s).multiply(f);
                    if (f > 0) supported[listed[k]] = true;
                }
            }
            List<String> selected = new ArrayList<>();
            List<Integer> candidates = new ArrayList<>();
            List<Integer> free = new ArrayList<>();
            for (int p = 0; p < m; p++) if (supported[p]) (e.cost(p).isZero() ? free : candidates).add(p);
            free.sort(e::compareIds);
            free.forEach(p -> selected.add(e.id(p)));
            while (true) {
                int best = -1;
                Rational bestRho = null;
                for (int p : new ArrayList<>(candidates)) {
                    Rational money = Rational.ZERO;
                    for (int i = 0; i < n; i++) if (u[i][p].signum() > 0) money = money.add(budget[i]);
                    if (money.lessThan(e.cost(p))) {
                        candidates.remove(Integer.valueOf(p));
                        continue;
                    }
                    Rational rho = rho(e.cost(p), budget, u, p);
                    if (best < 0 || rho.lessThan(bestRho) || (rho.equals(bestRho) && e.compareIds(p, best) < 0)) {
                        best = p;
                        bestRho = rho;
                    }
                }
                if (best < 0) return selected;
                for (int i = 0; i < n; i++) {
                    if (u[i][best].signum() > 0) budget[i] = budget[i].subtract(Rational.min(budget[i], bestRho.multiply(u[i][best])));
                }
                selected.add(e.id(best));
                candidates.remove(Integer.valueOf(best));
            }
        }

        /** Smallest ρ with Σ min(b_i, ρ u_i) = cost: try each voter as the first one paying ρ u_i. */
        private static Rational rho(Rational cost, Rational[] budget, Rational[][] u, int p) {
            List<Integer> payers = new ArrayList<>();
            for (int i = 0; i < budget.length; i++) if (u[i][p].signum() > 0) payers.add(i);
            payers.sort((a, b) -> budget[a].divide(u[a][p]).compareTo(budget[b].divide(u[b][p])));
            Rational paid = Rational.ZERO;
            Rational utility = Rational.ZERO;
            for (int i : payers) utility = utility.add(u[i][p]);
            for (int i : payers) {
                Rational rho = cost.subtract(paid).divide(utility);
                if (rho.multiply(u[i][p]).compareTo(budget[i]) <= 0) return rho;
                paid = paid.add(budget[i]);
                utility = utility.subtract(u[i][p]);
            }
            throw new IllegalStateException("unaffordable");
        }
    }
}
