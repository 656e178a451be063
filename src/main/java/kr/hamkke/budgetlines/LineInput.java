package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What staff type for a budget line (API body; the web form converts 천원 to 원 first). Amounts in 원. */
@Serdeable
public record LineInput(@Nullable Integer fiscalYear, @Nullable String bureau, @Nullable String division,
                        @Nullable String programName, @Nullable String programCode, @Nullable String kind,
                        @Nullable Long originalWon, @Nullable Long finalWon, @Nullable Long carriedOverWon,
                        @Nullable Long prevOriginalWon, @Nullable Long prevFinalWon, @Nullable Boolean pbTag,
                        @Nullable String guCode, @Nullable String status, @Nullable String reasonCode,
                        @Nullable String reason, @Nullable Boolean published) {
}
