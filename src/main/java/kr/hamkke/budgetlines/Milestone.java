package kr.hamkke.budgetlines;

import java.time.LocalDate;

/** A dated step of a funded subject's progress; {@code completed} marks the completion report. */
public record Milestone(long id, SubjectKind kind, long subjectId, LocalDate occurredOn, String text,
                        boolean completed) {
}
