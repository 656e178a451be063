package kr.hamkke.budgetlines.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A report table ready to export: layout (format, printed header rows, columns, rate styles), as-of date,
 * and rows in printed order with base amounts only. Built by the importer, or by the caller from budget
 * lines and snapshots via {@link #of}.
 *
 * @param asOf the 기준일 printed in the caption; may be null for a plan table
 */
public record BudgetTable(TableFormat format, LocalDate asOf, List<List<String>> headerRows, List<Column> columns,
                          Map<Column, RateStyle> rateStyles, List<TableRow> rows) {

    public BudgetTable {
        headerRows = headerRows.stream().map(List::copyOf).toList();
        columns = List.copyOf(columns);
        rateStyles = Map.copyOf(rateStyles);
        rows = List.copyOf(rows);
    }

    /**
     * A table in the canonical printed layout of {@code format}.
     *
     * @param fiscalYear the plan year (A) for PLAN, the execution year otherwise
     * @param asOf       기준일 (null allowed for PLAN)
     */
    public static BudgetTable of(TableFormat format, int fiscalYear, LocalDate asOf, List<TableRow> rows) {
        String prev = (fiscalYear - 1) + "년";
        String yy = String.format("%02d", fiscalYear % 100);
        List<List<String>> headers;
        List<Column> columns;
        Map<Column, RateStyle> styles = new EnumMap<>(Column.class);
        switch (format) {
            case PLAN -> {
                headers = List.of(
                        List.of("구 분", fiscalYear + "년(A)", prev, "", prev + " 대비", ""),
                        List.of("", "", "본예산", "최종예산(B)", "증감(A-B)", "증감률(A-B)×100/B"));
                columns = List.of(Column.NAME, Column.PLAN_AMOUNT, Column.PREV_ORIGINAL, Column.PREV_FINAL,
                        Column.CHANGE, Column.CHANGE_RATE);
                styles.put(Column.CHANGE_RATE, RateStyle.TENTHS);
            }
            case EXEC -> {
                headers = List.of(List.of("구 분", "예산", "예산현액(A)", "원인행위액", "지출액(B)", "집행률(B/A)"));
                columns = List.of(Column.NAME, Column.BUDGET, Column.BUDGET_CURRENT, Column.COMMITTED, Column.SPENT,
                        Column.SPENT_RATE);
                styles.put(Column.SPENT_RATE, RateStyle.TENTHS);
            }
            case EXEC_FORECAST -> {
                headers = List.of(
                        List.of("사업명", "예산현액", "집행액", "", "집행률", "", "’" + yy + "년말 집행예상액", ""),
                        List.of("", "", "원인행위", "지출액", "원인행위", "지출액", "예상액", "집행률"));
                columns = List.of(Column.NAME, Column.BUDGET_CURRENT, Column.COMMITTED, Column.SPENT,
                        Column.COMMIT_RATE, Column.SPENT_RATE, Column.FORECAST, Column.FORECAST_RATE);
                styles.put(Column.COMMIT_RATE, RateStyle.TENTHS_PERCENT);
                styles.put(Column.SPENT_RATE, RateStyle.TENTHS_PERCENT);
                styles.put(Column.FORECAST_RATE, RateStyle.TENTHS_PERCENT);
            }
            default -> throw new IllegalArgumentException(format.toString());
        }
        return new BudgetTable(format, asOf, headers, columns, styles, rows);
    }

    /** The rows of one org unit (bureau, division or total row, by printed name) and everything under it. */
    public BudgetTable forUnit(String orgUnitName) {
        String key = LineNames.normalize(orgUnitName);
        List<TableRow> picked = new ArrayList<>();
        int level = -1;
        for (TableRow row : rows) {
            if (level >= 0) {
                if (row.kind().level() <= level) {
                    break;
                }
                picked.add(row);
            } else if (row.kind().isSubtotal() && LineNames.normalize(row.name()).equals(key)) {
                level = row.kind().level();
                picked.add(row);
            }
        }
        if (picked.isEmpty()) {
            throw new IllegalArgumentException("표에 없는 조직: " + orgUnitName);
        }
        return new BudgetTable(format, asOf, headerRows, columns, rateStyles, picked);
    }

    public BudgetTable withAsOf(LocalDate date) {
        return new BudgetTable(format, date, headerRows, columns, rateStyles, rows);
    }

    /** Parent index of each row (−1 for top rows), by row levels in printed order. */
    static int[] parents(List<RowKind> kinds) {
        int[] parent = new int[kinds.size()];
        List<Integer> stack = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            RowKind kind = kinds.get(i);
            if (kind == RowKind.FOOTNOTE) {
                parent[i] = -1;
                continue;
            }
            while (!stack.isEmpty() && kinds.get(stack.get(stack.size() - 1)).level() >= kind.level()) {
                stack.remove(stack.size() - 1);
            }
            parent[i] = stack.isEmpty() ? -1 : stack.get(stack.size() - 1);
            if (kind.isSubtotal()) {
                stack.add(i);
            }
        }
        return parent;
    }
}
