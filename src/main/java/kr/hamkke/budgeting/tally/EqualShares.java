package kr.hamkke.budgeting.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.shared.Rational;

/**
 * Method of Equal Shares (PB-RULES.md), exact.
 *
 * <p>Speed comes from three things that do not change the result: identical ballots are grouped;
 * voters with equal money share a "budget class" so a candidate is evaluated with a few rational
 * operations per class rather than per voter; and candidates are evaluated lazily in ascending order
 * of their last ρ, stopping once the next lower bound exceeds the best ρ found (ρ never decreases).
 * A traced run evaluates every candidate every round so it can record exactly when each loser
 * dropped out and how much money its supporters held then.
 */
public final class EqualShares {

    private final GroupedProfile profile;
    private final TallyInstance instance;
    private final boolean trace;
    private final List<Rational> classValues = new ArrayList<>();
    private final int[] groupClass;
    private final int[] initialClass;
    private long[] classCount = new long[16];
    private final List<MesRound> rounds = new ArrayList<>();
    private final List<Integer> winners = new ArrayList<>();
    private final List<Map<Long, Transition>> transitions = new ArrayList<>();
    private final Map<Integer, Drop> drops = new LinkedHashMap<>();

    /** Voters of class {@code from} with factor f paid {@code payment} and moved to class {@code to}. */
    record Transition(Rational payment, int to) {
    }

    private record Drop(int winnersBefore, Rational moneyHeld) {
    }

    private record Bucket(Rational value, long factor, long voters) {
    }

    private record Evaluation(Rational rho, Rational perFactor, Rational money) {
        boolean affordable() {
            return rho != null;
        }
    }

    private EqualShares(GroupedProfile profile, long boost, boolean trace) {
        this.profile = profile;
        this.instance = profile.instance;
        this.trace = trace;
        this.groupClass = new int[profile.groupCount()];
        Rational totalWeight = profile.totalWeight();
        Rational perUnitWeight = instance.budget().divide(totalWeight).add(Rational.of(boost));
        Map<Rational, Integer> classOfWeight = new HashMap<>();
        for (int g = 0; g < groupClass.length; g++) {
            Rational w = profile.weight[g];
            groupClass[g] = classOfWeight.computeIfAbsent(w, x -> newClass(x.multiply(perUnitWeight)));
        }
        this.initialClass = groupClass.clone();
    }

    /** MES with per-voter budget B/n (or w·B/Σw), traced for the results page. */
    public static MesResult run(TallyInstance instance, Satisfaction utilities) {
        return run(new GroupedProfile(instance, utilities), 0, true);
    }

    /** @param boost added to every (unit-weight) voter's starting budget, for the add1 completion */
    static MesResult run(GroupedProfile profile, long boost, boolean trace) {
        return new EqualShares(profile, boost, trace).count(boost);
    }

    private MesResult count(long boost) {
        int m = instance.projectCount();
        List<Integer> zeroCost = new ArrayList<>();
        List<Integer> alive = new ArrayList<>();
        for (int p = 0; p < m; p++) {
            if (!profile.supported(p)) continue;
            if (instance.cost(p).isZero()) zeroCost.add(p);
            else alive.add(p);
        }
        // Supported free projects cost nobody anything: choose them first, in tie-break order.
        zeroCost.sort(instance::compareIds);
        for (int p : zeroCost) choose(p, new Evaluation(Rational.ZERO, Rational.ZERO, Rational.ZERO));

        Rational[] lastRho = new Rational[m];
        Arrays.fill(lastRho, Rational.ZERO);
        Comparator<Integer> byLowerBound = Comparator.<Integer, Rational>comparing(p -> lastRho[p]).thenComparing(instance::compareIds);
        alive.sort(byLowerBound);
        while (!alive.isEmpty()) {
            int best = -1;
            Evaluation bestEval = null;
            List<Integer> dropped = new ArrayList<>();
            for (int p : alive) {
                if (!trace && best >= 0 && lastRho[p].greaterThan(bestEval.rho())) break;
                Evaluation e = evaluate(p);
                if (!e.affordable()) {
                    dropped.add(p);
                    drops.put(p, new Drop(winners.size(), e.money()));
                    continue;
                }
                lastRho[p] = e.rho();
                int cmp = best < 0 ? -1 : e.rho().compareTo(bestEval.rho());
                if (cmp < 0 || (cmp == 0 && instance.compareIds(p, best) < 0)) {
                    best = p;
                    bestEval = e;
                }
            }
            alive.removeAll(dropped);
            if (best < 0) break;
            choose(best, bestEval);
            alive.remove(Integer.valueOf(best));
            alive.sort(byLowerBound);
        }
        return new MesResult(this, boost);
    }

    private int newClass(Rational value) {
        classValues.add(value);
        if (classValues.size() > classCount.length) classCount = Arrays.copyOf(classCount, classCount.length * 2);
        return classValues.size() - 1;
    }

    private static long key(int budgetClass, long factor) {
        return ((long) budgetClass << 32) | factor;
    }

    /** Supporters of p with money left, bucketed by (budget class, utility factor). */
    private List<Bucket> buckets(int p) {
        int[] groups = profile.supporters[p];
        long[] factors = profile.supporterFactors[p];
        List<Bucket> buckets = new ArrayList<>();
        if (profile.uniformFactor[p]) {
            int[] touched = new int[Math.min(groups.length, classValues.size())];
            int touchedCount = 0;
            for (int g : groups) {
                int c = groupClass[g];
                if (classCount[c] == 0) {
                    if (classValues.get(c).isZero()) continue;
                    touched[touchedCount++] = c;
                }
                classCount[c] += profile.multiplicity[g];
            }
            long factor = factors.length == 0 ? 1 : factors[0];
            for (int t = 0; t < touchedCount; t++) {
                int c = touched[t];
                buckets.add(new Bucket(classValues.get(c), factor, classCount[c]));
                classCount[c] = 0;
            }
        } else {
            Map<Long, long[]> counts = new HashMap<>();
            for (int k = 0; k < groups.length; k++) {
                int c = groupClass[groups[k]];
                if (classValues.get(c).isZero()) continue;
                counts.computeIfAbsent(key(c, factors[k]), x -> new long[1])[0] += profile.multiplicity[groups[k]];
            }
            counts.forEach((key, n) -> buckets.add(new Bucket(classValues.get((int) (key >>> 32)), key & 0xffffffffL, n[0])));
        }
        return buckets;
    }

    /** Finds the smallest ρ with Σ min(b_i, ρ·u_i) = cost(p), or reports p unaffordable. */
    private Evaluation evaluate(int p) {
        Rational cost = instance.cost(p);
        List<Bucket> buckets = buckets(p);
        Rational money = Rational.ZERO;
        long factorSum = 0;
        for (Bucket b : buckets) {
            money = money.add(b.value().multiply(b.voters()));
            factorSum = Math.addExact(factorSum, Math.multiplyExact(b.voters(), b.factor()));
        }
        if (money.lessThan(cost)) return new Evaluation(null, null, money);
        // Poorest first (money per unit of utility): they pay all they have, the rest pay ρ·u.
        buckets.sort((a, b) -> a.value().multiply(b.factor()).compareTo(b.value().multiply(a.factor())));
        Rational paid = Rational.ZERO;
        long remainingFactor = factorSum;
        Rational perFactor = null;
        for (Bucket b : buckets) {
            Rational need = cost.subtract(paid);
            if (need.multiply(b.factor()).compareTo(b.value().multiply(remainingFactor)) <= 0) {
                perFactor = need.divide(remainingFactor);
                break;
            }
            paid = paid.add(b.value().multiply(b.voters()));
            remainingFactor -= b.voters() * b.factor();
        }
        return new Evaluation(perFactor.divide(instance.unit(p, profile.satisfaction)), perFactor, money);
    }

    private void choose(int p, Evaluation e) {
        int[] groups = profile.supporters[p];
        long[] factors = profile.supporterFactors[p];
        Map<Long, Transition> moves = new HashMap<>();
        Map<Long, long[]> voters = new LinkedHashMap<>();
        long supporters = 0;
        for (int k = 0; k < groups.length; k++) {
            int g = groups[k];
            supporters += profile.multiplicity[g];
            int c = groupClass[g];
            Rational value = classValues.get(c);
            if (value.isZero() || e.perFactor().isZero()) continue;
            long key = key(c, factors[k]);
            Transition move = moves.get(key);
            if (move == null) {
                Rational payment = Rational.min(value, e.perFactor().multiply(factors[k]));
                move = new Transition(payment, newClass(value.subtract(payment)));
                moves.put(key, move);
            }
            voters.computeIfAbsent(key, x -> new long[1])[0] += profile.multiplicity[g];
            groupClass[g] = move.to();
        }
        List<PaymentShare> payments = new ArrayList<>();
        voters.forEach((key, n) -> payments.add(new PaymentShare(moves.get(key).payment(), n[0])));
        rounds.add(new MesRound(rounds.size() + 1, instance.id(p), instance.cost(p), e.rho(), e.perFactor(), supporters, payments));
        winners.add(p);
        transitions.add(moves);
    }

    // --- read by MesResult -------------------------------------------------------------------

    GroupedProfile profile() { return profile; }

    List<MesRound> rounds() { return rounds; }

    List<Integer> winners() { return winners; }

    Rational classValue(int c) { return classValues.get(c); }

    int finalClass(int group) { return groupClass[group]; }

    Rational initialBudget(int group) { return classValues.get(initialClass[group]); }

    boolean traced() { return trace; }

    /** Replays one group's payments round by round: payment per voter in each round (zero if none). */
    Rational[] paymentsOf(int group) {
        Rational[] paid = new Rational[winners.size()];
        int c = initialClass[group];
        int[] listed = profile.groupProjects[group];
        for (int r = 0; r < winners.size(); r++) {
            paid[r] = Rational.ZERO;
            int at = Arrays.binarySearch(listed, winners.get(r));
            if (at < 0) continue;
            Transition move = transitions.get(r).get(key(c, profile.groupFactors[group][at]));
            if (move == null) continue;
            paid[r] = move.payment();
            c = move.to();
        }
        return paid;
    }

    List<MesLoser> losers() {
        List<MesLoser> losers = new ArrayList<>();
        for (Map.Entry<Integer, Drop> entry : drops.entrySet()) {
            int p = entry.getKey();
            Drop drop = entry.getValue();
            Map<String, Rational> paidFor = new LinkedHashMap<>();
            if (trace) {
                Rational[] totals = new Rational[drop.winnersBefore()];
                Arrays.fill(totals, Rational.ZERO);
                for (int g : profile.supporters[p]) {
                    Rational[] paid = paymentsOf(g);
                    for (int r = 0; r < totals.length; r++) totals[r] = totals[r].add(paid[r].multiply(profile.multiplicity[g]));
                }
                for (int r = 0; r < totals.length; r++) if (totals[r].signum() > 0) paidFor.put(instance.id(winners.get(r)), totals[r]);
            }
            losers.add(new MesLoser(instance.id(p), instance.cost(p), profile.approvals[p], drop.winnersBefore(), drop.moneyHeld(), paidFor));
        }
        return losers;
    }
}
