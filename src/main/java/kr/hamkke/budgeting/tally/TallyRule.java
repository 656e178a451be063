package kr.hamkke.budgeting.tally;

import java.util.Arrays;
import java.util.Optional;

/** The rules of the command-line contract (PB-RULES.md table), by their published names. */
public enum TallyRule {
    GREEDY("greedy"),
    GREEDY_CARDINALITY("greedy-cardinality"),
    MES("mes"),
    MES_CARDINALITY("mes-cardinality"),
    MES_GREEDY("mes+greedy"),
    MES_ADD1("mes-add1"),
    MES_ADD1_GREEDY("mes-add1+greedy"),
    GREEDY_POINTS("greedy-points"),
    MES_POINTS("mes-points"),
    GREEDY_POSITIONAL("greedy-positional");

    private final String publishedName;

    TallyRule(String publishedName) {
        this.publishedName = publishedName;
    }

    public String publishedName() {
        return publishedName;
    }

    public static Optional<TallyRule> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.publishedName.equals(name)).findFirst();
    }

    /** Counts without tracing: the fast path for the command line and benchmarks. */
    public TallyOutcome count(TallyInstance instance) {
        return switch (this) {
            case GREEDY -> greedy(instance, Satisfaction.COST);
            case GREEDY_CARDINALITY -> greedy(instance, Satisfaction.CARDINALITY);
            case GREEDY_POINTS -> greedy(instance, Satisfaction.POINTS);
            case GREEDY_POSITIONAL -> greedy(instance, Satisfaction.POSITIONAL);
            case MES -> mes(EqualShares.run(new GroupedProfile(instance, Satisfaction.COST), 0, false));
            case MES_CARDINALITY -> mes(EqualShares.run(new GroupedProfile(instance, Satisfaction.CARDINALITY), 0, false));
            case MES_POINTS -> mes(EqualShares.run(new GroupedProfile(instance, Satisfaction.POINTS), 0, false));
            case MES_GREEDY -> greedy(instance, EqualShares.run(new GroupedProfile(instance, Satisfaction.COST), 0, false));
            case MES_ADD1 -> mes(Completions.add1(new GroupedProfile(instance, Satisfaction.COST), false));
            case MES_ADD1_GREEDY -> greedy(instance, Completions.add1(new GroupedProfile(instance, Satisfaction.COST), false));
        };
    }

    private TallyOutcome greedy(TallyInstance instance, Satisfaction satisfaction) {
        GreedyResult r = Greedy.run(instance, satisfaction);
        return new TallyOutcome(publishedName, r.selected(), r.totalCost());
    }

    private TallyOutcome greedy(TallyInstance instance, MesResult mes) {
        GreedyResult r = Completions.greedy(instance, mes);
        return new TallyOutcome(publishedName, r.selected(), r.totalCost());
    }

    private TallyOutcome mes(MesResult r) {
        return new TallyOutcome(publishedName, r.selected(), r.totalCost());
    }
}
