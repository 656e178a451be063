package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Comment and report forms. */
final class CommentForms {

    private CommentForms() {
    }

    @Serdeable
    record Post(@Nullable String body, @Nullable Long parent, @Nullable String position) {
    }

    @Serdeable
    record Vote(@Nullable String choice) {
    }

    @Serdeable
    record Report(@Nullable String reason, @Nullable String note) {
    }

    @Serdeable
    record Moderate(@Nullable String action, @Nullable String reasonCode, @Nullable String note) {
    }
}
