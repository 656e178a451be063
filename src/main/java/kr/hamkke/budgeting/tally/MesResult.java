package kr.hamkke.budgeting.tally;

import java.util.ArrayList;
import java.util.List;
import kr.hamkke.shared.Rational;

/** An MES outcome with its audit trail: rounds, losers, final per-voter budgets and checkable invariants. */
public final class MesResult {

    private final EqualShares run;
    private final long boost;
    private final List<String> selected;
    private final Rational totalCost;

    MesResult(EqualShares run, long boost) {
        this.run = run;
        this.boost = boost;
        TallyInstance instance = run.profile().instance;
        this.selected = run.winners().stream().map(instance::id).toList();
        this.totalCost = instance.totalCost(run.winners());
    }

    public Satisfaction utilities() { return run.profile().satisfaction; }

    /** The amount added to each voter's B/n by the add1 completion (0 for plain MES). */
    public long boost() { return boost; }

    public Rational budget() { return run.profile().instance.budget(); }

    public List<String> selected() { return selected; }

    List<Integer> selectedIndexes() { return run.winners(); }

    public Rational totalCost() { return totalCost; }

    /** Rounds in order, with exact payments (built on demand). */
    public List<MesRound> rounds() { return run.rounds(); }

    /**
     * Supported projects not funded, in the order they dropped out, with the money their supporters
     * held then. Only traced runs ({@link EqualShares#run(TallyInstance, Satisfaction)}) record them;
     * fast untraced runs return an empty list.
     */
    public List<MesLoser> losers() { return run.losers(); }

    /** What ballot i (file order) started with. */
    public Rational startingBudget(int ballot) {
        return run.initialBudget(run.profile().groupOfBallot[ballot]);
    }

    /** What ballot i (file order) has left at the end. */
    public Rational finalBudget(int ballot) {
        return run.finalBudget(run.profile().groupOfBallot[ballot]);
    }

    /** True when no unselected supported project with positive cost fits in the leftover. */
    public boolean exhaustive() {
        return isExhaustive(run.profile(), run.winners(), totalCost);
    }

    static boolean isExhaustive(GroupedProfile profile, List<Integer> chosen, Rational spent) {
        TallyInstance instance = profile.instance;
        Rational left = instance.budget().subtract(spent);
        for (int p = 0; p < instance.projectCount(); p++) {
            if (chosen.contains(p) || !profile.supported(p) || instance.cost(p).isZero()) continue;
            if (!instance.cost(p).greaterThan(left)) return false;
        }
        return true;
    }

    /**
     * Checks the published invariants independently of the bookkeeping: total ≤ budget; each winner's
     * payments sum to its cost; replaying every ballot's payments, nobody pays more than it holds and
     * what is left matches the final budget. Empty when all hold.
     */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        if (totalCost.greaterThan(budget())) problems.add("total cost " + totalCost + " exceeds budget " + budget());
        for (MesRound round : rounds()) {
            if (!round.paid().equals(round.cost())) {
                problems.add("payments for " + round.projectId() + " sum to " + round.paid() + ", cost " + round.cost());
            }
        }
        GroupedProfile profile = run.profile();
        for (int g = 0; g < profile.groupCount(); g++) {
            Rational money = run.initialBudget(g);
            for (Rational payment : run.paymentsOf(g)) {
                if (payment.greaterThan(money)) problems.add("ballot group " + g + " paid " + payment + " holding " + money);
                money = money.subtract(payment);
            }
            if (money.signum() < 0 || !money.equals(run.finalBudget(g))) {
                problems.add("ballot group " + g + " ends with " + run.finalBudget(g) + ", replay gives " + money);
            }
        }
        return problems;
    }
}
