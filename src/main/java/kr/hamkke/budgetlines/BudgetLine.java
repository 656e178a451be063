package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import kr.hamkke.budgetlines.figures.BudgetFigures;
import kr.hamkke.budgetlines.figures.ChangeRate;

/** A 세부사업 row. Amounts in 원; 예산현액, 증감 and 증감률 are computed here, never stored. */
public record BudgetLine(long id, int fiscalYear, String bureau, String division, String programName,
                         @Nullable String programCode, String kind, long originalWon, long finalWon,
                         long carriedOverWon, @Nullable Long prevOriginalWon, @Nullable Long prevFinalWon,
                         boolean pbTag, @Nullable String guCode, LineStatus status,
                         @Nullable String statusReasonCode, @Nullable String statusReason, boolean published,
                         @Nullable String source) {

    /** 예산현액 = 최종예산 + 사고이월액. */
    public long budgetCurrentWon() {
        return BudgetFigures.budgetCurrent(finalWon, carriedOverWon);
    }

    /** 증감 = 본예산(A) − 전년 최종예산(B); null without B. */
    public Long changeWon() {
        return prevFinalWon == null ? null : BudgetFigures.change(originalWon, prevFinalWon);
    }

    public ChangeRate changeRate() {
        return prevFinalWon == null ? null : BudgetFigures.changeRate(originalWon, prevFinalWon);
    }

    /** 과 or, when the line sits directly under the bureau, the bureau. */
    public String department() {
        return division == null || division.isEmpty() ? bureau : division;
    }
}
