package kr.hamkke.budgetlines.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kr.hamkke.budgetlines.figures.ExecutionFigures;
import kr.hamkke.budgetlines.figures.Rate;
import kr.hamkke.budgetlines.figures.RiskFlag;
import kr.hamkke.budgetlines.figures.RiskPolicy;

/**
 * Risk flags for the lines of an imported execution table (EXEC / EXEC_FORECAST with a 기준일), as warnings
 * kept apart from the data-quality findings of the import.
 */
public final class ExecutionRisks {

    /** One flagged line with its figures. */
    public record LineRisk(ImportedLine line, ExecutionFigures figures, Set<RiskFlag> flags) {
    }

    private ExecutionRisks() {
    }

    public static List<LineRisk> evaluate(ImportReport report, RiskPolicy policy) {
        List<LineRisk> risks = new ArrayList<>();
        if (report.asOf() == null || report.format() == null || report.format() == TableFormat.PLAN) {
            return risks;
        }
        for (ImportedLine line : report.lines()) {
            Long current = line.amount(Column.BUDGET_CURRENT) != null ? line.amount(Column.BUDGET_CURRENT)
                    : line.amount(Column.BUDGET);
            Long committed = line.amount(Column.COMMITTED);
            Long spent = line.amount(Column.SPENT);
            if (current == null || committed == null || spent == null) {
                continue;
            }
            ExecutionFigures figures = new ExecutionFigures(report.asOf(), current, committed, spent,
                    line.amount(Column.FORECAST));
            Set<RiskFlag> flags = policy.evaluate(figures);
            if (!flags.isEmpty()) {
                risks.add(new LineRisk(line, figures, flags));
            }
        }
        return risks;
    }

    /** The same as warnings (row, 집행률 column, typed = 집행률, computed = model year-end rate). */
    public static List<Finding> warnings(ImportReport report, RiskPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        for (LineRisk risk : evaluate(report, policy)) {
            ExecutionFigures f = risk.figures();
            Rate rate = f.executionRate();
            StringBuilder message = new StringBuilder("집행 위험:");
            risk.flags().forEach(flag -> message.append(' ').append(flag.label()).append('(').append(flag).append(')'));
            message.append(" — 경과율 ").append(f.yearShare().asRate().format()).append("%, 모델 연말 예상 ")
                    .append(f.modelForecastRate().format()).append('%');
            findings.add(new Finding(Finding.Level.WARNING, report.source(), risk.line().row(), Column.SPENT_RATE,
                    rate == null ? null : rate.format(), f.modelForecastRate().format(), message.toString(), null));
        }
        return findings;
    }
}
