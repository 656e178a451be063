package kr.hamkke.budgetlines.csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import kr.hamkke.budgetlines.figures.AmountUnit;
import kr.hamkke.budgetlines.figures.Amounts;
import kr.hamkke.budgetlines.figures.BudgetFigures;
import kr.hamkke.budgetlines.figures.ChangeRate;
import kr.hamkke.budgetlines.figures.Rate;

/**
 * Writes a {@link BudgetTable} in its printed layout: UTF-8 with BOM, CRLF, 천원, {@code △}, each rate
 * column at its source precision. Subtotals and every derived column are computed here, never copied, so
 * export → import yields the same lines with no disagreement findings.
 */
public final class BudgetTableExporter {

    public byte[] export(BudgetTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CsvCodec.UTF8_BOM);
        out.writeBytes(exportText(table).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The CSV text without BOM. */
    public String exportText(BudgetTable table) {
        StringBuilder out = new StringBuilder();
        out.append(CsvCodec.line(List.of(caption(table))));
        for (List<String> header : table.headerRows()) {
            out.append(CsvCodec.line(header));
        }
        List<TableRow> rows = table.rows();
        int[] parent = BudgetTable.parents(rows.stream().map(TableRow::kind).toList());
        List<Map<Column, Long>> amounts = new ArrayList<>();
        for (TableRow row : rows) {
            Map<Column, Long> copy = new EnumMap<>(Column.class);
            copy.putAll(row.amounts());
            amounts.add(copy);
        }
        List<Column> base = table.columns().stream().filter(Column::isBaseAmount).toList();
        // children come after their parent, so summing bottom-up in reverse order is enough
        boolean[] hasChildren = new boolean[rows.size()];
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (parent[i] >= 0) {
                int p = parent[i];
                if (!hasChildren[p]) {
                    hasChildren[p] = true;
                    base.forEach(c -> amounts.get(p).put(c, 0L));
                }
                for (Column c : base) {
                    amounts.get(p).merge(c, amounts.get(i).getOrDefault(c, 0L), Long::sum);
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            out.append(CsvCodec.line(cells(table, rows.get(i).name(), amounts.get(i))));
        }
        return out.toString();
    }

    static String caption(BudgetTable table) {
        LocalDate asOf = table.asOf();
        String unit = "단위 : " + AmountUnit.THOUSAND_WON.label() + ", %";
        if (asOf == null) {
            return "(" + unit + ")";
        }
        return "(" + unit + ", ’" + String.format("%02d", asOf.getYear() % 100) + "." + asOf.getMonthValue() + "."
                + asOf.getDayOfMonth() + ". 기준)";
    }

    private List<String> cells(BudgetTable table, String name, Map<Column, Long> a) {
        List<String> cells = new ArrayList<>();
        Long current = a.containsKey(Column.BUDGET_CURRENT) ? a.get(Column.BUDGET_CURRENT) : a.get(Column.BUDGET);
        for (Column column : table.columns()) {
            RateStyle style = table.rateStyles().getOrDefault(column, RateStyle.TENTHS);
            cells.add(switch (column) {
                case NAME -> name;
                case CHANGE -> Amounts.formatThousandWon(
                        BudgetFigures.change(a.get(Column.PLAN_AMOUNT), a.get(Column.PREV_FINAL)));
                case CHANGE_RATE -> changeRate(a.get(Column.PLAN_AMOUNT), a.get(Column.PREV_FINAL), style);
                case COMMIT_RATE -> rate(a.get(Column.COMMITTED), current, style);
                case SPENT_RATE -> rate(a.get(Column.SPENT), current, style);
                case FORECAST_RATE -> rate(a.get(Column.FORECAST), current, style);
                default -> Amounts.formatThousandWon(a.get(column));
            });
        }
        return cells;
    }

    private static String rate(Long part, Long whole, RateStyle style) {
        if (part == null || whole == null || whole == 0) {
            return "";
        }
        return styled(Rate.of(part, whole, style.scale()), style);
    }

    /** As the reports print it: 100.0 when B = 0 (신규), △100.0 when A = 0 (폐지). */
    private static String changeRate(long a, long b, RateStyle style) {
        ChangeRate cr = BudgetFigures.changeRate(a, b, style.scale());
        return switch (cr.kind()) {
            case RATE, ABOLISHED -> styled(cr.rate(), style);
            case NEW -> styled(Rate.of(1, 1, style.scale()), style);
            case NONE -> styled(Rate.of(0, 1, style.scale()), style);
        };
    }

    private static String styled(Rate rate, RateStyle style) {
        return style.percentSign() ? rate.formatPercent() : rate.format();
    }
}
