package kr.hamkke.budgeting.tally;

import java.util.ArrayList;
import java.util.List;
import kr.hamkke.shared.Rational;

/** Greedy outcome: selection order (pre-selected projects first) and the audit trail. */
public record GreedyResult(Satisfaction satisfaction, Rational budget, List<String> selected,
                           Rational totalCost, List<GreedyStep> steps) {
    public GreedyResult {
        selected = List.copyOf(selected);
        steps = List.copyOf(steps);
    }

    public Rational leftover() {
        return budget.subtract(totalCost);
    }

    /** Invariants a verifier can check; empty when all hold. */
    public List<String> violations() {
        List<String> problems = new ArrayList<>();
        if (totalCost.greaterThan(budget)) problems.add("total cost " + totalCost + " exceeds budget " + budget);
        for (GreedyStep step : steps) {
            if (step.status() == GreedyStatus.SKIPPED_DOES_NOT_FIT && !step.cost().greaterThan(leftover())) {
                problems.add("project " + step.projectId() + " was skipped but fits in the leftover");
            }
        }
        return problems;
    }
}
