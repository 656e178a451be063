package kr.hamkke.budgetlines;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Implemented by the features that produce winners (budgeting, proposals, assembly), so budget lines never
 * depend on their classes. Each implementation answers for the kinds it owns and returns empty for the rest.
 * Until an implementation exists for a kind, staff type the title and the timeline shows only the budget part.
 */
public interface FundingSubjects {

    /** Title, public page and state of a subject, or empty when this bean does not know it. */
    Optional<SubjectSummary> find(SubjectKind kind, long id);

    /** The decision history before the money (제안 → 검토/토론/투표 → 결정), oldest first. */
    List<TimelineEntry> decisionHistory(SubjectKind kind, long id);

    /** Accounts to notify when the subject is not funded or cut (proposers, followers). */
    default List<Long> participants(SubjectKind kind, long id) {
        return List.of();
    }

    @Serdeable
    record SubjectSummary(SubjectKind kind, long id, String title, String publicUrl, String state) {
    }

    /**
     * One step of a public timeline.
     *
     * @param stage  PROPOSAL, DELIBERATION, DECISION, BUDGET, EXECUTION, MILESTONE, COMPLETION
     * @param detail public text (amounts, reasons); may be null
     */
    @Serdeable
    record TimelineEntry(LocalDate date, String stage, String title, String detail, String link) {
    }
}
