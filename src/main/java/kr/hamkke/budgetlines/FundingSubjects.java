package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Implemented by the features that produce winners (budgeting, proposals, assembly), so budget lines never
 * depend on their classes. Each implementation answers for the kinds it owns and returns empty for the rest.
 * A subject no implementation knows (a winner decided before the platform, as in the 2018 reports) is linked
 * by its typed title and its timeline shows only the budget part.
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

    /**
     * The winners budget staff may pick when converting one into a budget line (PB projects after the 한마당 총회,
     * accepted proposals, adopted policy proposals), newest first; empty for kinds this bean does not own.
     */
    default List<SubjectSummary> candidates(SubjectKind kind) {
        return List.of();
    }

    /**
     * @param state      the owning feature's state, as citizens read it (e.g. "총회 승인", "수용")
     * @param winner     whether citizens' decision makes it fundable (only winners get FUNDED / REDUCED links)
     * @param decidedWon the amount citizens decided (PB: the adjusted or requested cost), or null
     * @param decidedOn  the date of the deciding step (vote, answer, plenary), or null
     */
    @Serdeable
    record SubjectSummary(SubjectKind kind, long id, String title, String publicUrl, String state, boolean winner,
                          @Nullable Long decidedWon, @Nullable LocalDate decidedOn) {
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
