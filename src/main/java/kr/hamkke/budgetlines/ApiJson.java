package kr.hamkke.budgetlines;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import kr.hamkke.budgetlines.figures.ChangeRate;
import kr.hamkke.budgetlines.figures.Rate;
import kr.hamkke.budgetlines.figures.RiskFlag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the budget-lines API and open data. Amounts in 원; rates in percent with one decimal. */
final class ApiJson {

    private ApiJson() {
    }

    @Serdeable
    record LineJson(long id, int fiscalYear, String bureau, String division, String programName,
                    @Nullable String programCode, String kind, long originalWon, long finalWon, long carriedOverWon,
                    long budgetCurrentWon, @Nullable Long prevOriginalWon, @Nullable Long prevFinalWon,
                    @Nullable Long changeWon, @Nullable String changeRate, boolean pbTag, @Nullable String guCode,
                    String status, @Nullable String statusReasonCode, @Nullable String statusReason, boolean published,
                    long allocatedWon, @Nullable LocalDate latestAsOf, long committedWon, long spentWon,
                    @Nullable BigDecimal executionRate, @Nullable BigDecimal commitmentRate,
                    @Nullable Long forecastWon, List<String> riskFlags,
                    @Nullable List<LinkJson> links, @Nullable List<SnapshotJson> snapshots) {
    }

    @Serdeable
    record LinkJson(long id, @Nullable Long budgetLineId, String subjectKind, long subjectId, String subjectTitle,
                    String outcome, long amountWon, @Nullable String reasonCode, @Nullable String publicReason,
                    String note, String createdAt) {
    }

    @Serdeable
    record SnapshotJson(long id, long budgetLineId, LocalDate asOf, long committedWon, long spentWon,
                        @Nullable Long statedForecastWon, @Nullable BigDecimal executionRate,
                        @Nullable BigDecimal commitmentRate, List<String> riskFlags, @Nullable String source) {
    }

    @Serdeable
    record FindingJson(String level, int row, @Nullable String column, @Nullable String typed, @Nullable String computed,
                       String message, @Nullable String correctedValue, @Nullable String correctionNote) {
    }

    @Serdeable
    record ImportJson(long id, String source, int fiscalYear, String status, @Nullable String format,
                      @Nullable LocalDate asOf, int rowsRead, int linesAccepted, List<FindingJson> findings) {
    }

    @Serdeable
    record TimelineJson(FundedRef subject, @Nullable FundingSubjects.SubjectSummary summary,
                        List<FundingSubjects.TimelineEntry> entries, List<LinkJson> funding, List<LineJson> lines,
                        boolean completed) {
    }

    @Serdeable
    record WinnerLineInput(@Nullable LineInput line, @Nullable LinkInput link) {
    }

    @Serdeable
    record ImportBody(@Nullable String csv, @Nullable String source, @Nullable Integer fiscalYear, @Nullable String bureau,
                      @Nullable String asOf) {
    }

    @Serdeable
    record CorrectionInput(@Nullable Integer row, @Nullable String column, @Nullable String value, @Nullable String note) {
    }

    static BigDecimal pct(Rate r) {
        return r == null ? null : r.percent();
    }

    static String change(ChangeRate r) {
        return r == null ? null : r.display();
    }

    static LineJson line(BudgetReports.LineView v, boolean details) {
        BudgetLine l = v.line();
        return new LineJson(l.id(), l.fiscalYear(), l.bureau(), l.division(), l.programName(), l.programCode(), l.kind(),
                l.originalWon(), l.finalWon(), l.carriedOverWon(), l.budgetCurrentWon(), l.prevOriginalWon(),
                l.prevFinalWon(), l.changeWon(), change(l.changeRate()), l.pbTag(), l.guCode(), l.status().name(),
                l.statusReasonCode(), l.statusReason(), l.published(), v.allocatedWon(),
                v.latest() == null ? null : v.latest().asOf(), v.committedWon(), v.spentWon(), pct(v.executionRate()),
                pct(v.commitmentRate()), v.forecastWon(), v.flags().stream().map(RiskFlag::name).toList(),
                details ? v.funding().stream().map(ApiJson::link).toList() : null,
                details ? v.snapshots().stream().map(s -> snapshot(s, l.budgetCurrentWon())).toList() : null);
    }

    static LinkJson link(Funding f) {
        return new LinkJson(f.id(), f.lineId(), f.subject().kind().name(), f.subject().id(), f.subject().title(),
                f.outcome().name(), f.amountWon(), f.reasonCode(), f.publicReason(), f.note(), f.createdAt().toString());
    }

    static SnapshotJson snapshot(Snapshot s, long budgetCurrent) {
        var f = s.figures(budgetCurrent);
        return new SnapshotJson(s.id(), s.lineId(), s.asOf(), s.committedWon(), s.spentWon(), s.statedForecastWon(),
                pct(f.executionRate()), pct(f.commitmentRate()),
                s.flags(budgetCurrent).stream().map(RiskFlag::name).toList(), s.source());
    }

    static ImportJson importJson(BudgetImportService.ImportView v) {
        var r = v.report();
        return new ImportJson(v.record().id(), v.record().source(), v.record().fiscalYear(),
                r.rejected() ? "REJECTED" : v.record().status(), r.format() == null ? null : r.format().name(), r.asOf(),
                r.rowsRead(), r.lines().size(), r.findings().stream().map(f -> new FindingJson(f.level().name(), f.row(),
                        f.column() == null ? null : f.column().name(), f.typed(), f.computed(), f.message(),
                        f.resolution() == null ? null : f.resolution().value(),
                        f.resolution() == null ? null : f.resolution().note())).toList());
    }
}
