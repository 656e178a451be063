package kr.hamkke.assembly.sortition;

import java.util.List;

/** The pre-draw check proved that no panel can meet the quota table; nothing was drawn. */
public final class InfeasibleQuotasException extends IllegalArgumentException {
    private final List<String> problems;

    public InfeasibleQuotasException(List<String> problems) {
        super("the quotas cannot be met:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
