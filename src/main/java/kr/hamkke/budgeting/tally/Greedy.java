package kr.hamkke.budgeting.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.hamkke.shared.Rational;

/**
 * Greedy (utilitarian) selection: projects by descending density, ties by id; fund what fits, skip
 * what does not and carry on. Zero-support projects come last and are funded if they fit, as in the
 * reference.
 *
 * <p>Density is score/cost for cardinality satisfaction and the score itself otherwise, where score
 * is Σ weight × factor (supporters for cost satisfaction, points, or positional points). For cost
 * satisfaction that is PB-RULES.md's tot/cost; for points and positional satisfaction the reference
 * outputs (expected/*.json) order by total score, i.e. the points are counted per unit of cost, as
 * cost satisfaction does, and B12 likewise orders weighted greedy "by score".
 */
public final class Greedy {

    private Greedy() {
    }

    public static GreedyResult run(TallyInstance instance, Satisfaction satisfaction) {
        return run(new GroupedProfile(instance, satisfaction), List.of());
    }

    /** Greedy starting from {@code preselected} (kept first in the selection order). */
    public static GreedyResult complete(TallyInstance instance, List<String> preselected) {
        return run(new GroupedProfile(instance, Satisfaction.COST), indexesOf(instance, preselected));
    }

    static GreedyResult run(GroupedProfile profile, List<Integer> preselected) {
        TallyInstance instance = profile.instance;
        int m = instance.projectCount();
        Rational[] score = scores(profile);
        Density[] densities = new Density[m];
        boolean perCost = profile.satisfaction == Satisfaction.CARDINALITY;
        for (int p = 0; p < m; p++) densities[p] = Density.of(score[p], instance.cost(p), perCost);
        Integer[] order = new Integer[m];
        for (int p = 0; p < m; p++) order[p] = p;
        Arrays.sort(order, Comparator.<Integer, Density>comparing(p -> densities[p]).reversed()
                .thenComparing((a, b) -> instance.compareIds(a, b)));

        Set<Integer> chosen = new HashSet<>(preselected);
        List<String> selected = new ArrayList<>();
        Rational spent = Rational.ZERO;
        for (int p : preselected) {
            selected.add(instance.id(p));
            spent = spent.add(instance.cost(p));
        }
        List<GreedyStep> steps = new ArrayList<>();
        int rank = 0;
        for (int p : order) {
            rank++;
            Rational remaining = instance.budget().subtract(spent);
            GreedyStatus status;
            if (chosen.contains(p)) {
                status = GreedyStatus.ALREADY_SELECTED;
            } else if (!instance.cost(p).greaterThan(remaining)) {
                status = GreedyStatus.SELECTED;
                spent = spent.add(instance.cost(p));
                selected.add(instance.id(p));
            } else {
                status = GreedyStatus.SKIPPED_DOES_NOT_FIT;
            }
            steps.add(new GreedyStep(rank, instance.id(p), profile.approvals[p], score[p], instance.cost(p),
                    remaining, spent, status));
        }
        return new GreedyResult(profile.satisfaction, instance.budget(), selected, spent, steps);
    }

    /** score(p) = Σ_i w_i · factor_i(p): weighted supporters, points or positional points. */
    static Rational[] scores(GroupedProfile profile) {
        TallyInstance instance = profile.instance;
        Rational[] score = new Rational[instance.projectCount()];
        for (int p = 0; p < score.length; p++) {
            int[] groups = profile.supporters[p];
            long[] factors = profile.supporterFactors[p];
            Rational total = Rational.ZERO;
            if (!instance.weighted()) {
                long sum = 0;
                for (int k = 0; k < groups.length; k++) sum = Math.addExact(sum, Math.multiplyExact(factors[k], profile.multiplicity[groups[k]]));
                total = Rational.of(sum);
            } else {
                for (int k = 0; k < groups.length; k++) {
                    total = total.add(profile.weight[groups[k]].multiply(factors[k] * profile.multiplicity[groups[k]]));
                }
            }
            score[p] = total;
        }
        return score;
    }

    static List<Integer> indexesOf(TallyInstance instance, List<String> ids) {
        List<Integer> indexes = new ArrayList<>();
        for (String id : ids) {
            int found = -1;
            for (int p = 0; p < instance.projectCount() && found < 0; p++) if (instance.id(p).equals(id)) found = p;
            if (found < 0) throw new IllegalArgumentException("unknown project " + id);
            indexes.add(found);
        }
        return indexes;
    }

    /** Sort key; {@code infinite} ranks a supported free project first under cardinality satisfaction. */
    private record Density(boolean infinite, Rational value) implements Comparable<Density> {
        static Density of(Rational score, Rational cost, boolean perCost) {
            if (score.signum() <= 0) return new Density(false, Rational.ZERO);
            if (cost.isZero()) return perCost ? new Density(true, Rational.ZERO) : new Density(false, Rational.ZERO);
            return new Density(false, perCost ? score.divide(cost) : score);
        }

        @Override
        public int compareTo(Density o) {
            if (infinite || o.infinite) return Boolean.compare(infinite, o.infinite);
            return value.compareTo(o.value);
        }
    }
}
