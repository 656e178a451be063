package kr.hamkke.budgetlines;

import io.micronaut.serde.annotation.Serdeable;

/** A funded subject as stored on a funding row: kind, id in its own feature, title copied at link time. */
@Serdeable
public record FundedRef(SubjectKind kind, long id, String title) {
}
