package kr.hamkke.budgeting.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.hamkke.shared.Rational;

/**
 * Method of Equal Shares (PB-RULES.md), exact.
 *
 * <p>The result is exactly the rational-arithmetic result; speed comes from steps that cannot change
 * it. Identical ballots are grouped. Voters with equal money share a budget class, so a candidate is
 * evaluated per class, not per voter. Each class carries a double with a proven error bound
 * ({@link BudgetClasses}): a decision (affordable? who pays everything? which ρ is smallest?) is
 * taken in doubles only when the bounds make it certain, otherwise in exact rationals; the chosen
 * project's ρ is always computed exactly. Candidates are evaluated lazily in ascending order of a
 * lower bound on ρ, stopping once that bound exceeds the best upper bound found (ρ never decreases).
 * A traced run evaluates every candidate every round so it can record exactly when each loser
 * dropped out and how much money its supporters held then.
 */
public final class EqualShares {

    private final GroupedProfile profile;
    private final TallyInstance instance;
    private final boolean trace;
    private final BudgetClasses classes = new BudgetClasses();
    private final int[] groupClass;
    private final int[] initialClass;
    private long[] classCount = new long[64];
    private final double[] costD;
    private final double[] unitD;
    private final List<Integer> winners = new ArrayList<>();
    private final List<RoundRecord> records = new ArrayList<>();
    private final Map<Integer, Drop> drops = new LinkedHashMap<>();

    /** Voters of class {@code from} with factor f paid all they had ({@code poor}) or ρ'·f, and moved to {@code to}. */
    record Transition(int from, long factor, boolean poor, int to, long[] voters) {
    }

    private record RoundRecord(int project, Rational rho, Rational perFactor, long supporters, Map<Long, Transition> moves) {
    }

    private record Drop(int winnersBefore, Rational moneyHeld) {
    }

    private EqualShares(GroupedProfile profile, long boost, boolean trace) {
        this.profile = profile;
        this.instance = profile.instance;
        this.trace = trace;
        this.groupClass = new int[profile.groupCount()];
        Rational perUnitWeight = instance.budget().divide(profile.totalWeight()).add(Rational.of(boost));
        Map<Rational, Integer> classOfWeight = new HashMap<>();
        for (int g = 0; g < groupClass.length; g++) {
            groupClass[g] = classOfWeight.computeIfAbsent(profile.weight[g], w -> {
                Rational start = w.multiply(perUnitWeight);
                return start.isZero() ? BudgetClasses.EMPTY : classes.root(start);
            });
        }
        this.initialClass = groupClass.clone();
        int m = instance.projectCount();
        costD = new double[m];
        unitD = new double[m];
        for (int p = 0; p < m; p++) {
            costD[p] = BudgetClasses.toDouble(instance.cost(p));
            unitD[p] = BudgetClasses.toDouble(instance.unit(p, profile.satisfaction));
        }
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
        for (int p : zeroCost) {
            Evaluation free = new Evaluation();
            free.perFactor = Rational.ZERO;
            free.exactRho = Rational.ZERO;
            free.buckets = new Buckets(0);
            choose(p, free);
        }

        double[] lowerBound = new double[m];
        Comparator<Integer> byLowerBound = Comparator.<Integer>comparingDouble(p -> lowerBound[p]).thenComparing(instance::compareIds);
        alive.sort(byLowerBound);
        while (!alive.isEmpty()) {
            List<Integer> dropped = new ArrayList<>();
            Map<Integer, Evaluation> evaluated = new LinkedHashMap<>();
            double bestHigh = Double.POSITIVE_INFINITY;
            for (int p : alive) {
                if (!trace && lowerBound[p] > bestHigh) break;
                Evaluation e = evaluate(p);
                if (!e.affordable) {
                    dropped.add(p);
                    if (trace) drops.put(p, new Drop(winners.size(), e.money != null ? e.money : exactMoney(e.buckets)));
                    continue;
                }
                lowerBound[p] = Math.max(lowerBound[p], e.low());
                bestHigh = Math.min(bestHigh, e.high());
                evaluated.put(p, e);
            }
            alive.removeAll(dropped);
            if (evaluated.isEmpty()) break;
            int best = pickBest(evaluated, bestHigh);
            choose(best, evaluated.get(best));
            alive.remove(Integer.valueOf(best));
            alive.sort(byLowerBound);
        }
        return new MesResult(this, boost);
    }

    /** The smallest ρ, ties by id; exact comparison among candidates whose intervals overlap the best. */
    private int pickBest(Map<Integer, Evaluation> evaluated, double bestHigh) {
        int best = -1;
        for (var entry : evaluated.entrySet()) {
            int p = entry.getKey();
            Evaluation e = entry.getValue();
            if (e.low() > bestHigh) continue;
            exactify(p, e);
            if (best < 0) {
                best = p;
                continue;
            }
            int cmp = e.exactRho.compareTo(evaluated.get(best).exactRho);
            if (cmp < 0 || (cmp == 0 && instance.compareIds(p, best) < 0)) best = p;
        }
        return best;
    }

    private static long key(int budgetClass, long factor) {
        return ((long) budgetClass << 32) | factor;
    }

    private Buckets buckets(int p) {
        int[] groups = profile.supporters[p];
        long[] factors = profile.supporterFactors[p];
        if (classCount.length < classes.size()) classCount = Arrays.copyOf(classCount, Math.max(classes.size(), classCount.length * 2));
        if (profile.uniformFactor[p]) {
            Buckets b = new Buckets(Math.min(groups.length, classes.size()));
            int[] touched = new int[b.cls.length];
            int count = 0;
            for (int g : groups) {
                int c = groupClass[g];
                if (c == BudgetClasses.EMPTY) continue;
                if (classCount[c] == 0) touched[count++] = c;
                classCount[c] += profile.multiplicity[g];
            }
            long factor = factors.length == 0 ? 1 : factors[0];
            for (int t = 0; t < count; t++) {
                b.add(touched[t], factor, classCount[touched[t]]);
                classCount[touched[t]] = 0;
            }
            return b;
        }
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (int k = 0; k < groups.length; k++) {
            int c = groupClass[groups[k]];
            if (c == BudgetClasses.EMPTY) continue;
            counts.computeIfAbsent(key(c, factors[k]), x -> new long[1])[0] += profile.multiplicity[groups[k]];
        }
        Buckets b = new Buckets(counts.size());
        counts.forEach((key, n) -> b.add((int) (key >>> 32), key & 0xffffffffL, n[0]));
        return b;
    }

    private Rational exactMoney(Buckets b) {
        return classes.exactSum(b.cls, b.voters, b.n);
    }

    /** Decides affordability and who pays everything in doubles when certain, else exactly. */
    private Evaluation evaluate(int p) {
        final double eps = BudgetClasses.EPS;
        Buckets b = buckets(p);
        Evaluation e = new Evaluation();
        e.buckets = b;
        double cost = costD[p];
        double costError = Math.abs(cost) * 2 * eps;
        double money = 0;
        double moneyError = 0;
        long factorSum = 0;
        for (int i = 0; i < b.n; i++) {
            money += b.voters[i] * classes.approx(b.cls[i]);
            moneyError += b.voters[i] * classes.error(b.cls[i]);
            factorSum = Math.addExact(factorSum, Math.multiplyExact(b.voters[i], b.fac[i]));
        }
        moneyError += Math.abs(money) * (b.n + 2) * eps;
        if (money + moneyError < cost - costError) return e; // certainly unaffordable
        if (money - moneyError < cost + costError) {
            e.money = exactMoney(b);
            if (e.money.lessThan(instance.cost(p))) return e;
        }
        e.affordable = true;

        // Who pays everything: start from "nobody" (ρ' = cost/Σf, a lower bound) and add every bucket
        // holding less than ρ'·f until the set stops growing; ρ' only rises, so this reaches the
        // sorted-sweep answer, usually in a few passes and without sorting.
        boolean[] poorFlag = new boolean[b.n];
        double paid = 0;
        long remaining = factorSum;
        int poor = 0;
        for (int pass = 0; pass < 64; pass++) {
            double perFactor = (cost - paid) / remaining;
            int added = 0;
            for (int i = 0; i < b.n; i++) {
                if (!poorFlag[i] && classes.approx(b.cls[i]) < perFactor * b.fac[i]) {
                    poorFlag[i] = true;
                    paid += b.voters[i] * classes.approx(b.cls[i]);
                    remaining -= b.voters[i] * b.fac[i];
                    added++;
                }
            }
            poor += added;
            if (added == 0) {
                if (poor == b.n || remaining <= 0) break;
                b.partition(poorFlag);
                return certify(p, e, poor, remaining) ? e : exactEvaluation(p, b);
            }
            if (poor == b.n || remaining <= 0) break;
        }
        return exactEvaluation(p, b);
    }

    /** Checks with error bounds that the first {@code poor} buckets really pay all and the rest do not. */
    private boolean certify(int p, Evaluation e, int poor, long remaining) {
        final double eps = BudgetClasses.EPS;
        Buckets b = e.buckets;
        double poorSum = 0;
        double poorError = 0;
        for (int i = 0; i < poor; i++) {
            poorSum += b.voters[i] * classes.approx(b.cls[i]);
            poorError += b.voters[i] * classes.error(b.cls[i]);
        }
        double need = costD[p] - poorSum;
        double needError = poorError + Math.abs(poorSum) * (poor + 2) * eps + Math.abs(costD[p]) * 2 * eps + Math.abs(need) * 2 * eps;
        double perFactor = need / remaining;
        double perFactorError = needError / remaining + Math.abs(perFactor) * 2 * eps;
        double lo = perFactor - perFactorError;
        double hi = perFactor + perFactorError;
        for (int i = 0; i < b.n; i++) {
            double value = classes.approx(b.cls[i]);
            double err = classes.error(b.cls[i]) + Math.abs(value) * 2 * eps;
            double f = b.fac[i] * (1 + 4 * eps);
            if (i < poor ? value + err > lo * b.fac[i] / (1 + 4 * eps) : value - err < hi * f) return false;
        }
        e.poorCount = poor;
        e.remainingFactor = remaining;
        e.rho = perFactor / unitD[p];
        e.rhoError = perFactorError / unitD[p] + Math.abs(e.rho) * 4 * eps;
        return true;
    }

    /** The textbook evaluation in exact rationals, for the rare cases doubles cannot settle. */
    private Evaluation exactEvaluation(int p, Buckets b) {
        Rational cost = instance.cost(p);
        Evaluation e = new Evaluation();
        e.buckets = b;
        Rational[] value = new Rational[b.n];
        Rational money = Rational.ZERO;
        long factorSum = 0;
        for (int i = 0; i < b.n; i++) {
            value[i] = classes.exact(b.cls[i]);
            money = money.add(value[i].multiply(b.voters[i]));
            factorSum += b.voters[i] * b.fac[i];
        }
        e.money = money;
        if (money.lessThan(cost)) return e;
        e.affordable = true;
        Integer[] order = new Integer[b.n];
        for (int i = 0; i < b.n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> value[x].multiply(b.fac[y]).compareTo(value[y].multiply(b.fac[x])));
        Rational[] sortedValue = new Rational[b.n];
        for (int i = 0; i < b.n; i++) sortedValue[i] = value[order[i]];
        b.reorder(order);
        Rational paid = Rational.ZERO;
        long remaining = factorSum;
        int poor = 0;
        while (true) {
            Rational need = cost.subtract(paid);
            if (need.multiply(b.fac[poor]).compareTo(sortedValue[poor].multiply(remaining)) <= 0) {
                e.perFactor = need.divide(remaining);
                break;
            }
            paid = paid.add(sortedValue[poor].multiply(b.voters[poor]));
            remaining -= b.voters[poor] * b.fac[poor];
            poor++;
        }
        e.poorCount = poor;
        e.remainingFactor = remaining;
        e.exactRho = e.perFactor.divide(instance.unit(p, profile.satisfaction));
        e.rho = BudgetClasses.toDouble(e.exactRho);
        e.rhoError = Math.abs(e.rho) * 4 * BudgetClasses.EPS;
        return e;
    }

    /** ρ' = (cost − money of those who pay everything) / remaining utility factor, exactly. */
    private void exactify(int p, Evaluation e) {
        if (e.exactRho != null) return;
        Rational poorMoney = classes.exactSum(e.buckets.cls, e.buckets.voters, e.poorCount);
        e.perFactor = instance.cost(p).subtract(poorMoney).divide(e.remainingFactor);
        e.exactRho = e.perFactor.divide(instance.unit(p, profile.satisfaction));
    }

    private void choose(int p, Evaluation e) {
        Set<Long> poorKeys = new HashSet<>();
        for (int i = 0; i < e.poorCount; i++) poorKeys.add(key(e.buckets.cls[i], e.buckets.fac[i]));
        classes.addRound(e.perFactor);
        int[] groups = profile.supporters[p];
        long[] factors = profile.supporterFactors[p];
        Map<Long, Transition> moves = new LinkedHashMap<>();
        long supporters = 0;
        for (int k = 0; k < groups.length; k++) {
            int g = groups[k];
            supporters += profile.multiplicity[g];
            int c = groupClass[g];
            if (c == BudgetClasses.EMPTY || e.perFactor.isZero()) continue;
            long key = key(c, factors[k]);
            Transition move = moves.get(key);
            if (move == null) {
                boolean poor = poorKeys.contains(key);
                move = new Transition(c, factors[k], poor, poor ? BudgetClasses.EMPTY : classes.child(c, factors[k]), new long[1]);
                moves.put(key, move);
            }
            move.voters()[0] += profile.multiplicity[g];
            groupClass[g] = move.to();
        }
        records.add(new RoundRecord(p, e.exactRho, e.perFactor, supporters, moves));
        winners.add(p);
    }

    private Rational payment(RoundRecord record, Transition move) {
        return move.poor() ? classes.exact(move.from()) : record.perFactor().multiply(move.factor());
    }

    // --- read by MesResult -------------------------------------------------------------------

    GroupedProfile profile() { return profile; }

    List<Integer> winners() { return winners; }

    Rational finalBudget(int group) { return classes.exact(groupClass[group]); }

    Rational initialBudget(int group) { return classes.exact(initialClass[group]); }

    boolean traced() { return trace; }

    List<MesRound> rounds() {
        List<MesRound> rounds = new ArrayList<>();
        for (RoundRecord record : records) {
            Map<Rational, Long> byAmount = new LinkedHashMap<>();
            for (Transition move : record.moves().values()) byAmount.merge(payment(record, move), move.voters()[0], Long::sum);
            List<PaymentShare> payments = new ArrayList<>();
            byAmount.forEach((amount, voters) -> payments.add(new PaymentShare(amount, voters)));
            rounds.add(new MesRound(rounds.size() + 1, instance.id(record.project()), instance.cost(record.project()),
                    record.rho(), record.perFactor(), record.supporters(), payments));
        }
        return rounds;
    }

    /** Replays one group's payments round by round: payment per voter in each round (zero if none). */
    Rational[] paymentsOf(int group) {
        Rational[] paid = new Rational[records.size()];
        int c = initialClass[group];
        int[] listed = profile.groupProjects[group];
        for (int r = 0; r < records.size(); r++) {
            paid[r] = Rational.ZERO;
            RoundRecord record = records.get(r);
            int at = Arrays.binarySearch(listed, record.project());
            if (at < 0) continue;
            Transition move = record.moves().get(key(c, profile.groupFactors[group][at]));
            if (move == null) continue;
            paid[r] = payment(record, move);
            c = move.to();
        }
        return paid;
    }

    List<MesLoser> losers() {
        List<MesLoser> losers = new ArrayList<>();
        for (Map.Entry<Integer, Drop> entry : drops.entrySet()) {
            int p = entry.getKey();
            Drop drop = entry.getValue();
            Rational[] totals = new Rational[drop.winnersBefore()];
            Arrays.fill(totals, Rational.ZERO);
            for (int g : profile.supporters[p]) {
                Rational[] paid = paymentsOf(g);
                for (int r = 0; r < totals.length; r++) totals[r] = totals[r].add(paid[r].multiply(profile.multiplicity[g]));
            }
            Map<String, Rational> paidFor = new LinkedHashMap<>();
            for (int r = 0; r < totals.length; r++) if (totals[r].signum() > 0) paidFor.put(instance.id(winners.get(r)), totals[r]);
            losers.add(new MesLoser(instance.id(p), instance.cost(p), profile.approvals[p], drop.winnersBefore(), drop.moneyHeld(), paidFor));
        }
        return losers;
    }
}
