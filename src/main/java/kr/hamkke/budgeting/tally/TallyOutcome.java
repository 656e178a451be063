package kr.hamkke.budgeting.tally;

import java.util.List;
import kr.hamkke.shared.Rational;

/** The command-line result of a rule: project ids in selection order and their exact total cost. */
public record TallyOutcome(String rule, List<String> selected, Rational totalCost) {
    public TallyOutcome {
        selected = List.copyOf(selected);
    }
}
