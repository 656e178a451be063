package kr.hamkke.shared.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** RFC 9457 problem body for API errors, with a stable machine code and field errors. */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail, String code,
                      @Nullable List<FieldProblem> errors) {

    @Serdeable
    public record FieldProblem(String field, String message) {
    }
}
