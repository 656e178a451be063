package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One link between a funded subject and a budget line (or a recorded decision not to fund it). */
public record Funding(long id, @Nullable Long lineId, FundedRef subject, FundingOutcome outcome, long amountWon,
                      @Nullable String reasonCode, @Nullable String publicReason, String note,
                      @Nullable Long createdBy, Instant createdAt) {
}
