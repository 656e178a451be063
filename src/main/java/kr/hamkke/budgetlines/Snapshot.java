package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import kr.hamkke.budgetlines.figures.ExecutionFigures;
import kr.hamkke.budgetlines.figures.RiskFlag;
import kr.hamkke.budgetlines.figures.RiskPolicy;

import java.time.LocalDate;
import java.util.Set;

/** 집행 현황 of one line on one date (원인행위액, 지출액, the department's stated year-end forecast). */
public record Snapshot(long id, long lineId, LocalDate asOf, long committedWon, long spentWon,
                       @Nullable Long statedForecastWon, @Nullable String source, @Nullable Integer sourceRow) {

    public ExecutionFigures figures(long budgetCurrentWon) {
        ExecutionFigures f = ExecutionFigures.of(asOf, budgetCurrentWon, committedWon, spentWon);
        return statedForecastWon == null ? f : f.withStatedForecast(statedForecastWon);
    }

    public Set<RiskFlag> flags(long budgetCurrentWon) {
        return RiskPolicy.DEFAULTS.evaluate(figures(budgetCurrentWon));
    }
}
