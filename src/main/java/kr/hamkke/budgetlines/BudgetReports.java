package kr.hamkke.budgetlines;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.budgetlines.csv.BudgetTable;
import kr.hamkke.budgetlines.csv.Column;
import kr.hamkke.budgetlines.csv.RowKind;
import kr.hamkke.budgetlines.csv.TableFormat;
import kr.hamkke.budgetlines.csv.TableRow;
import kr.hamkke.budgetlines.figures.BudgetFigures;
import kr.hamkke.budgetlines.figures.ExecutionFigures;
import kr.hamkke.budgetlines.figures.Rate;
import kr.hamkke.budgetlines.figures.RiskFlag;
import kr.hamkke.budgetlines.figures.RiskPolicy;
import kr.hamkke.shared.DomainException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read models: line details with computed figures, the accountability overview, the report tables for export. */
@Singleton
public class BudgetReports {

    /** A line with everything shown beside it. {@code latest} may be null (no execution yet). */
    public record LineView(BudgetLine line, List<Snapshot> snapshots, List<Funding> funding, Snapshot latest,
                           long allocatedWon) {

        public ExecutionFigures figures() {
            return latest == null ? null : latest.figures(line.budgetCurrentWon());
        }

        public Rate executionRate() {
            return latest == null ? null : BudgetFigures.executionRate(latest.spentWon(), line.budgetCurrentWon());
        }

        public Rate commitmentRate() {
            return latest == null ? null : BudgetFigures.commitmentRate(latest.committedWon(), line.budgetCurrentWon());
        }

        public Set<RiskFlag> flags() {
            return latest == null ? EnumSet.noneOf(RiskFlag.class) : RiskPolicy.DEFAULTS.evaluate(figures());
        }

        public long committedWon() {
            return latest == null ? 0 : latest.committedWon();
        }

        public long spentWon() {
            return latest == null ? 0 : latest.spentWon();
        }

        /** Year-end forecast: the model's (DOMAIN §7.1), never above 예산현액. */
        public Long forecastWon() {
            return latest == null ? null : figures().modelForecast();
        }

        public long unallocatedWon() {
            return line.budgetCurrentWon() - allocatedWon;
        }
    }

    /**
     * One row of the overview: citizens decided (linked), compiled (예산현액), committed, spent; {@code asOf} is the
     * latest snapshot date in the group (null without execution), at which the group's flags are evaluated — so a
     * whole bureau lagging (12.4% on ’21.3.31) is flagged even when no single line is.
     */
    public record OverviewRow(String key, String label, int lines, long decidedWon, long compiledWon, long committedWon,
                              long spentWon, LocalDate asOf) {

        public Set<RiskFlag> flags() {
            return asOf == null || compiledWon == 0 ? EnumSet.noneOf(RiskFlag.class)
                    : RiskPolicy.DEFAULTS.evaluate(ExecutionFigures.of(asOf, compiledWon, committedWon, spentWon));
        }

        public Rate executionRate() {
            return BudgetFigures.executionRate(spentWon, compiledWon);
        }

        public Rate commitmentRate() {
            return BudgetFigures.commitmentRate(committedWon, compiledWon);
        }
    }

    public enum GroupBy { DEPARTMENT, BUREAU, DISTRICT }

    private final BudgetLineStore store;

    BudgetReports(BudgetLineStore store) {
        this.store = store;
    }

    @Transactional
    public LineView lineView(long id, boolean publishedOnly) {
        BudgetLine line = store.findLine(id).filter(l -> !publishedOnly || l.published())
                .orElseThrow(() -> DomainException.notFound("budget.line-not-found"));
        List<Snapshot> snaps = store.snapshots(id);
        return new LineView(line, snaps, store.fundingOfLine(id), snaps.isEmpty() ? null : snaps.get(snaps.size() - 1),
                store.allocatedWon(id));
    }

    @Transactional
    public List<LineView> lineViews(Integer fiscalYear, String department, boolean publishedOnly) {
        List<BudgetLine> lines = store.lines(fiscalYear, department, publishedOnly);
        Map<Long, List<Snapshot>> snaps = store.snapshotsOfYear(fiscalYear).stream()
                .collect(Collectors.groupingBy(Snapshot::lineId));
        Map<Long, List<Funding>> funding = store.allFunding(fiscalYear).stream().filter(f -> f.lineId() != null)
                .collect(Collectors.groupingBy(Funding::lineId));
        List<LineView> out = new ArrayList<>();
        for (BudgetLine l : lines) {
            List<Snapshot> s = snaps.getOrDefault(l.id(), List.of());
            List<Funding> f = funding.getOrDefault(l.id(), List.of());
            out.add(new LineView(l, s, f, s.isEmpty() ? null : s.get(s.size() - 1),
                    f.stream().mapToLong(Funding::amountWon).sum()));
        }
        return out;
    }

    @Transactional
    public List<Integer> fiscalYears(boolean publishedOnly) {
        return store.fiscalYears(publishedOnly);
    }

    /** Sums per department, bureau or 자치구 for one year (published lines only), sorted by a column. */
    @Transactional
    public List<OverviewRow> overview(Integer fiscalYear, GroupBy groupBy, String sort, Map<String, String> guNames) {
        Function<BudgetLine, String> key = switch (groupBy) {
            case DEPARTMENT -> BudgetLine::department;
            case BUREAU -> BudgetLine::bureau;
            case DISTRICT -> l -> l.guCode() == null ? "" : l.guCode();
        };
        Map<String, List<LineView>> groups = new LinkedHashMap<>();
        for (LineView v : lineViews(fiscalYear, null, true)) {
            groups.computeIfAbsent(key.apply(v.line()), k -> new ArrayList<>()).add(v);
        }
        List<OverviewRow> rows = new ArrayList<>();
        groups.forEach((k, vs) -> {
            String label = groupBy == GroupBy.DISTRICT ? (k.isEmpty() ? "서울시 전역" : guNames.getOrDefault(k, k)) : k;
            rows.add(new OverviewRow(k, label, vs.size(),
                    vs.stream().flatMap(v -> v.funding().stream()).mapToLong(Funding::amountWon).sum(),
                    vs.stream().mapToLong(v -> v.line().budgetCurrentWon()).sum(),
                    vs.stream().mapToLong(LineView::committedWon).sum(),
                    vs.stream().mapToLong(LineView::spentWon).sum(),
                    vs.stream().filter(v -> v.latest() != null).map(v -> v.latest().asOf())
                            .max(Comparator.naturalOrder()).orElse(null)));
        });
        Comparator<OverviewRow> order = switch (sort == null ? "" : sort) {
            case "decided" -> Comparator.comparingLong(OverviewRow::decidedWon).reversed();
            case "compiled" -> Comparator.comparingLong(OverviewRow::compiledWon).reversed();
            case "committed" -> Comparator.comparingLong(OverviewRow::committedWon).reversed();
            case "spent" -> Comparator.comparingLong(OverviewRow::spentWon).reversed();
            case "rate" -> Comparator.comparing((OverviewRow r) -> r.executionRate() == null ? null : r.executionRate().percent(),
                    Comparator.nullsFirst(Comparator.naturalOrder())).reversed();
            default -> Comparator.comparing(OverviewRow::label);
        };
        rows.sort(order);
        return rows;
    }

    /**
     * The report table for one year, optionally one department (bureau or division), at a date: base amounts
     * from the lines and, for execution formats, the latest snapshot on or before {@code asOf}.
     */
    @Transactional
    public BudgetTable table(int fiscalYear, String department, TableFormat format, LocalDate asOf, boolean publishedOnly) {
        List<BudgetLine> lines = new ArrayList<>(store.lines(fiscalYear, department, publishedOnly));
        if (lines.isEmpty()) {
            throw DomainException.notFound("budget.no-lines");
        }
        lines.sort(Comparator.comparing(BudgetLine::bureau).thenComparing(BudgetLine::division)
                .thenComparing(l -> l.kind().equals("BASIC") ? 1 : 0).thenComparingLong(BudgetLine::id));
        Map<Long, List<Snapshot>> snaps = store.snapshotsOfYear(fiscalYear).stream()
                .collect(Collectors.groupingBy(Snapshot::lineId));
        String dept = department == null || department.isBlank() ? null : department.strip();
        boolean divisionOnly = dept != null && lines.stream().allMatch(l -> l.division().equals(dept));
        List<TableRow> rows = new ArrayList<>();
        if (dept == null) {
            rows.add(TableRow.of("합 계", RowKind.TOTAL, Map.of()));
        }
        String bureau = null;
        String division = null;
        for (BudgetLine l : lines) {
            if (!divisionOnly && !l.bureau().equals(bureau)) {
                bureau = l.bureau();
                division = null;
                rows.add(TableRow.of(bureau, RowKind.BUREAU, Map.of()));
            }
            if (!l.division().isEmpty() && !l.division().equals(division)) {
                division = l.division();
                rows.add(TableRow.of(division, RowKind.DIVISION, Map.of()));
            }
            rows.add(TableRow.of(l.programName(), l.kind().equals("BASIC") ? RowKind.BASIC : RowKind.PROGRAM,
                    amounts(l, format, latest(snaps.get(l.id()), asOf))));
        }
        return BudgetTable.of(format, fiscalYear, format == TableFormat.PLAN ? asOf : asOf, rows);
    }

    private static Snapshot latest(List<Snapshot> list, LocalDate asOf) {
        if (list == null) {
            return null;
        }
        Snapshot best = null;
        for (Snapshot s : list) {
            if (asOf == null || !s.asOf().isAfter(asOf)) {
                best = s;
            }
        }
        return best;
    }

    private static Map<Column, Long> amounts(BudgetLine l, TableFormat format, Snapshot s) {
        Map<Column, Long> m = new EnumMap<>(Column.class);
        long committed = s == null ? 0 : s.committedWon();
        long spent = s == null ? 0 : s.spentWon();
        switch (format) {
            case PLAN -> {
                m.put(Column.PLAN_AMOUNT, l.originalWon());
                m.put(Column.PREV_ORIGINAL, Optional.ofNullable(l.prevOriginalWon()).orElse(0L));
                m.put(Column.PREV_FINAL, Optional.ofNullable(l.prevFinalWon()).orElse(0L));
            }
            case EXEC -> {
                m.put(Column.BUDGET, l.finalWon());
                m.put(Column.BUDGET_CURRENT, l.budgetCurrentWon());
                m.put(Column.COMMITTED, committed);
                m.put(Column.SPENT, spent);
            }
            case EXEC_FORECAST -> {
                m.put(Column.BUDGET_CURRENT, l.budgetCurrentWon());
                m.put(Column.COMMITTED, committed);
                m.put(Column.SPENT, spent);
                long forecast = s == null ? 0 : s.statedForecastWon() != null ? s.statedForecastWon()
                        : s.figures(l.budgetCurrentWon()).modelForecast() / 1000 * 1000;
                m.put(Column.FORECAST, forecast);
            }
            default -> throw new IllegalArgumentException(format.name());
        }
        return m;
    }
}
