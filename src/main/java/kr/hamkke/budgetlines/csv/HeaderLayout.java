package kr.hamkke.budgetlines.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.hamkke.budgetlines.figures.AmountUnit;

/** Reads the caption (unit, 기준일) and maps printed header variants onto canonical columns (T13, T14). */
final class HeaderLayout {

    private static final Pattern UNIT = Pattern.compile("단위\\s*:\\s*([가-힣]+)");
    private static final Pattern AS_OF = Pattern.compile("[’'‘`](\\d{2})\\.\\s*(\\d{1,2})\\.\\s*(\\d{1,2})\\.*\\s*기준");
    private static final Pattern HEADER_DAY = Pattern.compile("\\((\\d{1,2})\\.\\s*(\\d{1,2})\\.\\s*기준\\)");
    private static final Pattern HEADER_YEAR = Pattern.compile("[’'‘`](\\d{2})년");
    private static final Pattern PLAN_YEAR = Pattern.compile("\\d{4}년\\(A\\)");

    private HeaderLayout() {
    }

    static boolean isHeaderStart(String firstCell) {
        String key = firstCell.replaceAll("\\s", "");
        return key.equals("구분") || key.equals("사업명");
    }

    /** Unit label in the caption; empty when absent or unknown (the file is then rejected: no guessing). */
    static Optional<AmountUnit> unit(String caption) {
        Matcher m = UNIT.matcher(caption);
        return m.find() ? AmountUnit.fromLabel(m.group(1)) : Optional.empty();
    }

    static Optional<String> unitLabel(String caption) {
        Matcher m = UNIT.matcher(caption);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<LocalDate> asOf(String caption) {
        Matcher m = AS_OF.matcher(caption);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /** The 2018 annex prints "’18년" and "집행액(6.30.기준)" in the header instead of a dated caption. */
    static Optional<LocalDate> asOfFromHeader(String header) {
        Matcher day = HEADER_DAY.matcher(header);
        Matcher year = HEADER_YEAR.matcher(header);
        if (day.find() && year.find()) {
            return Optional.of(LocalDate.of(2000 + Integer.parseInt(year.group(1)), Integer.parseInt(day.group(1)),
                    Integer.parseInt(day.group(2))));
        }
        return Optional.empty();
    }

    /** Combined label of each column: the group label (filled forward) plus the sub-label of a second header row. */
    static List<String[]> labels(List<String> first, List<String> second) {
        int width = Math.max(first.size(), second == null ? 0 : second.size());
        List<String[]> out = new ArrayList<>();
        String group = "";
        for (int i = 0; i < width; i++) {
            String top = i < first.size() ? first.get(i).strip() : "";
            String sub = second != null && i < second.size() ? second.get(i).strip() : "";
            if (!top.isEmpty()) {
                group = top;
            }
            if (sub.isEmpty()) {
                out.add(new String[] {"", top.isEmpty() ? group : top});
            } else {
                out.add(new String[] {top.isEmpty() ? group : top, sub});
            }
        }
        return out;
    }

    /** Canonical column for a (group, label) pair, or null when unknown. */
    static Column map(int index, String group, String label, Column previous) {
        String g = group.replaceAll("\\s", "");
        String l = label.replaceAll("\\s", "");
        if (index == 0) {
            return isHeaderStart(l) ? Column.NAME : null;
        }
        if (g.contains("연말") || g.contains("년말")) {
            if (l.contains("집행률")) {
                return Column.FORECAST_RATE;
            }
            return l.contains("예상액") || l.contains("예산액") || l.contains("집행액") ? Column.FORECAST : null;
        }
        if (l.contains("증감률")) {
            return Column.CHANGE_RATE;
        }
        if (l.contains("증감")) {
            return Column.CHANGE;
        }
        if (l.contains("최종예산")) {
            return Column.PREV_FINAL;
        }
        if (l.contains("본예산")) {
            return Column.PREV_ORIGINAL;
        }
        if (PLAN_YEAR.matcher(l).find()) {
            return Column.PLAN_AMOUNT;
        }
        if (g.contains("집행률") || l.startsWith("집행률") || l.equals("비율")) {
            if (l.contains("원인행위") || (l.equals("비율") && previous == Column.COMMITTED)) {
                return Column.COMMIT_RATE;
            }
            if (l.contains("지출") || l.contains("(B/A)") || l.equals("집행률")
                    || (l.equals("비율") && previous == Column.SPENT)) {
                return Column.SPENT_RATE;
            }
            return null;
        }
        if (l.contains("예산현액")) {
            return Column.BUDGET_CURRENT;
        }
        if (l.contains("원인행위")) {
            return Column.COMMITTED;
        }
        if (l.contains("지출")) {
            return Column.SPENT;
        }
        if (l.equals("예산")) {
            return Column.BUDGET;
        }
        return null;
    }

    static TableFormat detect(List<Column> columns) {
        if (columns.contains(Column.PLAN_AMOUNT) || columns.contains(Column.CHANGE)) {
            return TableFormat.PLAN;
        }
        if (columns.contains(Column.FORECAST)) {
            return TableFormat.EXEC_FORECAST;
        }
        return TableFormat.EXEC;
    }

    static List<Column> required(TableFormat format) {
        return switch (format) {
            case PLAN -> List.of(Column.PLAN_AMOUNT, Column.PREV_FINAL);
            case EXEC -> List.of(Column.SPENT);
            case EXEC_FORECAST -> List.of(Column.BUDGET_CURRENT, Column.SPENT, Column.FORECAST);
        };
    }
}
