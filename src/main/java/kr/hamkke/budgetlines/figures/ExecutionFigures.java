package kr.hamkke.budgetlines.figures;

import java.time.LocalDate;

/**
 * One execution snapshot's inputs: 예산현액, 원인행위액 and 지출액 at {@code asOf}, plus the department's
 * stated year-end forecast (연말 집행예상액) when the report gives one. All amounts in whole 원.
 */
public record ExecutionFigures(LocalDate asOf, long budgetCurrent, long committed, long spent, Long statedForecast) {

    public ExecutionFigures {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf");
        }
    }

    public static ExecutionFigures of(LocalDate asOf, long budgetCurrent, long committed, long spent) {
        return new ExecutionFigures(asOf, budgetCurrent, committed, spent, null);
    }

    public ExecutionFigures withStatedForecast(long stated) {
        return new ExecutionFigures(asOf, budgetCurrent, committed, spent, stated);
    }

    /** 집행률 (0.1 half-up), or null when 예산현액 is 0. */
    public Rate executionRate() {
        return BudgetFigures.executionRate(spent, budgetCurrent);
    }

    /** 원인행위율 (0.1 half-up), or null when 예산현액 is 0. */
    public Rate commitmentRate() {
        return BudgetFigures.commitmentRate(committed, budgetCurrent);
    }

    public YearShare yearShare() {
        return YearShare.at(asOf);
    }

    /** Model year-end forecast: {@code min(예산현액, max(committed, spent ÷ f))}. */
    public long modelForecast() {
        long paced = yearShare().divide(spent);
        return Math.min(budgetCurrent, Math.max(committed, paced));
    }

    /** The stated forecast's rate of 예산현액, or null. */
    public Rate statedForecastRate() {
        return statedForecast == null || budgetCurrent == 0 ? null : Rate.of(statedForecast, budgetCurrent);
    }

    public Rate modelForecastRate() {
        return budgetCurrent == 0 ? null : Rate.of(modelForecast(), budgetCurrent);
    }
}
