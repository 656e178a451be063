package kr.hamkke.budgetlines;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.budgetlines.figures.Amounts;
import kr.hamkke.budgetlines.figures.BudgetFigures;
import kr.hamkke.budgetlines.figures.Rate;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public accountability timeline of one funded subject (DOMAIN §7.3). */
@Singleton
public class Accountability {

    /** Everything the timeline page and API show. */
    public record Timeline(FundedRef subject, FundingSubjects.SubjectSummary summary,
                           List<FundingSubjects.TimelineEntry> entries, List<Funding> funding,
                           List<BudgetReports.LineView> lines, List<Milestone> milestones, boolean completed) {

        /** Σ amounts linked to budget lines (FUNDED and REDUCED) that are not cut or unused. */
        public long linkedWon() {
            java.util.Set<Long> closed = new java.util.HashSet<>();
            lines.stream().filter(v -> v.line().status().needsReason()).forEach(v -> closed.add(v.line().id()));
            return funding.stream().filter(f -> f.lineId() != null && !closed.contains(f.lineId()))
                    .mapToLong(Funding::amountWon).sum();
        }
    }

    /**
     * The timeline reads as the chain — proposal → decision → budget → execution → completion — even where
     * dates overlap (execution can start before a late vote is published); within a stage, by date.
     */
    private static final Map<String, Integer> STAGE_ORDER = Map.of("PROPOSAL", 0, "DELIBERATION", 1, "DECISION", 2,
            "BUDGET", 3, "EXECUTION", 4, "MILESTONE", 4, "COMPLETION", 5);

    private final BudgetLineStore store;
    private final BudgetReports reports;
    private final List<FundingSubjects> subjects;
    private final Clock clock;

    Accountability(BudgetLineStore store, BudgetReports reports, List<FundingSubjects> subjects, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.subjects = subjects;
        this.clock = clock;
    }

    @Transactional
    public Timeline timeline(SubjectKind kind, long id, boolean publishedOnly) {
        List<Funding> funding = store.fundingOfSubject(kind, id);
        Optional<FundingSubjects.SubjectSummary> summary = subjects.stream().map(s -> s.find(kind, id))
                .flatMap(Optional::stream).findFirst();
        if (funding.isEmpty() && summary.isEmpty()) {
            throw DomainException.notFound("budget.subject-not-found");
        }
        String title = summary.map(FundingSubjects.SubjectSummary::title)
                .orElseGet(() -> funding.get(funding.size() - 1).subject().title());
        FundedRef ref = new FundedRef(kind, id, title);
        List<FundingSubjects.TimelineEntry> entries = new ArrayList<>();
        for (FundingSubjects s : subjects) {
            entries.addAll(s.decisionHistory(kind, id));
        }
        Map<Long, BudgetReports.LineView> lines = new LinkedHashMap<>();
        List<Funding> visible = new ArrayList<>();
        for (Funding f : funding) {
            LocalDate on = LocalDate.ofInstant(f.createdAt(), clock.getZone());
            if (f.lineId() == null) {
                entries.add(new FundingSubjects.TimelineEntry(on, "BUDGET", f.outcome().label(),
                        PublicReason.parse(f.reasonCode()).map(PublicReason::label).orElse("") + " — " + f.publicReason(), null));
                visible.add(f);
                continue;
            }
            BudgetReports.LineView v = lines.get(f.lineId());
            if (v == null) {
                try {
                    v = reports.lineView(f.lineId(), publishedOnly);
                } catch (DomainException e) {
                    continue; // unpublished line: the public sees it once published
                }
                lines.put(f.lineId(), v);
            }
            visible.add(f);
            String detail = v.line().fiscalYear() + "년 " + v.line().department() + " 「" + v.line().programName() + "」 "
                    + Amounts.formatThousandWon(f.amountWon()) + "천원 (" + Amounts.formatForCitizens(f.amountWon()) + ")";
            if (f.outcome().needsReason()) {
                detail += " — " + PublicReason.parse(f.reasonCode()).map(PublicReason::label).orElse("") + ": " + f.publicReason();
            }
            entries.add(new FundingSubjects.TimelineEntry(on, "BUDGET", f.outcome().label(), detail,
                    "/accountability/lines/" + f.lineId()));
        }
        for (BudgetReports.LineView v : lines.values()) {
            for (Snapshot s : v.snapshots()) {
                Rate rate = BudgetFigures.executionRate(s.spentWon(), v.line().budgetCurrentWon());
                entries.add(new FundingSubjects.TimelineEntry(s.asOf(), "EXECUTION",
                        "집행 현황 (" + v.line().programName() + ")",
                        "집행률 " + (rate == null ? "-" : rate.formatPercent()) + " · 원인행위 "
                                + Amounts.formatThousandWon(s.committedWon()) + "천원 · 지출 "
                                + Amounts.formatThousandWon(s.spentWon()) + "천원",
                        "/accountability/lines/" + v.line().id()));
            }
            if (v.line().status().needsReason()) {
                entries.add(new FundingSubjects.TimelineEntry(null, "BUDGET", v.line().status().label(),
                        v.line().statusReason(), "/accountability/lines/" + v.line().id()));
            }
        }
        List<Milestone> milestones = store.milestones(kind, id);
        for (Milestone m : milestones) {
            entries.add(new FundingSubjects.TimelineEntry(m.occurredOn(), m.completed() ? "COMPLETION" : "MILESTONE",
                    m.completed() ? "완료" : "진행", m.text(), null));
        }
        entries.sort(Comparator.comparingInt((FundingSubjects.TimelineEntry e) -> STAGE_ORDER.getOrDefault(e.stage(), 9))
                .thenComparing(FundingSubjects.TimelineEntry::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Timeline(ref, summary.orElse(null), entries, visible, List.copyOf(lines.values()), milestones,
                milestones.stream().anyMatch(Milestone::completed));
    }
}
