package kr.hamkke.budgeting.tally;

/** MES completions from PB-RULES.md: add1 (raise every voter's budget by 1 until exhaustive) and greedy. */
public final class Completions {

    private Completions() {
    }

    /**
     * add1, reference semantics: W_k = MES with per-voter budget B/n + k; return W_{k−1} as soon as
     * cost(W_k) exceeds B, or W_k once it is exhaustive. The returned run is traced.
     */
    public static MesResult add1(TallyInstance instance, Satisfaction utilities) {
        GroupedProfile profile = new GroupedProfile(instance, utilities);
        MesResult chosen = add1(profile, false);
        return EqualShares.run(profile, chosen.boost(), true);
    }

    static MesResult add1(GroupedProfile profile, boolean trace) {
        MesResult previous = null;
        for (long k = 0; ; k++) {
            MesResult current = EqualShares.run(profile, k, trace);
            if (current.totalCost().greaterThan(profile.instance.budget())) {
                // W_0 never overspends (its endowments sum to B), so previous exists here.
                return previous;
            }
            if (current.exhaustive()) return current;
            previous = current;
        }
    }

    /** Greedy (cost satisfaction) after MES: MES winners first, greedy additions after. */
    public static GreedyResult greedy(TallyInstance instance, MesResult mes) {
        return Greedy.run(new GroupedProfile(instance, Satisfaction.COST), mes.selectedIndexes());
    }
}
