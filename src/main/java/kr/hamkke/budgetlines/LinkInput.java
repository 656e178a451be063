package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Attaching a winner to a line: subject (kind, id, title when no feature knows it), outcome, amount in 원,
 * the public reason for REDUCED, and the staff note (why).
 */
@Serdeable
public record LinkInput(@Nullable String subjectKind, @Nullable Long subjectId, @Nullable String subjectTitle,
                        @Nullable String outcome, @Nullable Long amountWon, @Nullable String reasonCode,
                        @Nullable String publicReason, @Nullable String note) {
}
