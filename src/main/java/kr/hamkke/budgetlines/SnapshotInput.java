package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A dated execution record typed by staff. Amounts in 원. */
@Serdeable
public record SnapshotInput(@Nullable String asOf, @Nullable Long committedWon, @Nullable Long spentWon,
                            @Nullable Long statedForecastWon) {
}
