package kr.hamkke.budgetlines.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.hamkke.budgetlines.figures.AmountUnit;
import kr.hamkke.budgetlines.figures.Amounts;
import kr.hamkke.budgetlines.figures.BudgetFigures;
import kr.hamkke.budgetlines.figures.ChangeRate;
import kr.hamkke.budgetlines.figures.Rate;

/**
 * Strict importer for the report tables (PLAN, EXEC, EXEC_FORECAST). Every derived figure is recomputed
 * and each disagreement with the typed value is reported; errors block only their row.
 */
public final class BudgetTableImporter {

    private static final Pattern ORG_UNIT = Pattern.compile("^[가-힣]{2,12}(국|기획관|과|담당관)$");
    private static final Pattern FOOTNOTE_AMOUNT = Pattern.compile("(\\d{1,3}(?:,\\d{3})*)\\s*천원");
    private static final String PB_SUFFIX = "(시민참여)";

    public ImportReport importBytes(byte[] bytes, ImportOptions options) {
        CsvCodec.Decoded decoded = CsvCodec.decode(bytes);
        return run(decoded.text(), decoded.encoding(), options);
    }

    public ImportReport importText(String text, ImportOptions options) {
        return run(text, "text", options);
    }

    public ImportReport importBytes(byte[] bytes, String source) {
        return importBytes(bytes, ImportOptions.named(source));
    }

    private ImportReport run(String text, String encoding, ImportOptions options) {
        return new Run(options, encoding).execute(CsvCodec.parse(text));
    }

    /** One row while importing. */
    private static final class Row {
        final int line;
        final String name;
        final RowKind kind;
        final Map<Column, String> typed = new EnumMap<>(Column.class);
        final Map<Column, Long> values = new EnumMap<>(Column.class);
        final Map<Column, Long> typedValues = new EnumMap<>(Column.class);
        String matchedName;

        Row(int line, String name, RowKind kind) {
            this.line = line;
            this.name = name;
            this.kind = kind;
            this.matchedName = name;
        }
    }

    private static final class Run {
        private final ImportOptions options;
        private final String encoding;
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, Correction> corrections = new HashMap<>();
        private AmountUnit unit;
        private List<Column> columns;
        private final Map<Column, RateStyle> rateStyles = new EnumMap<>(Column.class);

        Run(ImportOptions options, String encoding) {
            this.options = options;
            this.encoding = encoding;
            for (Correction c : options.corrections()) {
                corrections.put(key(c.row(), c.column()), c);
            }
        }

        private static String key(int row, Column column) {
            return row + ":" + column;
        }

        private Correction correction(int row, Column column) {
            return corrections.get(key(row, column));
        }

        private void add(Finding.Level level, int row, Column column, String typed, String computed, String message) {
            findings.add(new Finding(level, options.source(), row, column, typed, computed, message, null));
        }

        private ImportReport rejected(TableFormat format, LocalDate asOf) {
            return new ImportReport(options.source(), encoding, format, unit, asOf, 0, List.of(), findings, null);
        }

        ImportReport execute(List<CsvCodec.Record> all) {
            if ("CP949".equals(encoding)) {
                add(Finding.Level.INFO, 0, null, null, null, "CP949 인코딩으로 읽음");
            }
            List<CsvCodec.Record> records = all.stream().filter(r -> !r.isBlank()).toList();
            int headerAt = -1;
            for (int i = 0; i < records.size(); i++) {
                if (HeaderLayout.isHeaderStart(records.get(i).cell(0))) {
                    headerAt = i;
                    break;
                }
            }
            if (headerAt < 0) {
                add(Finding.Level.ERROR, 0, null, null, null, "머리글 행(구분/사업명)을 찾을 수 없음");
                return rejected(null, null);
            }
            StringBuilder caption = new StringBuilder();
            for (int i = 0; i < headerAt; i++) {
                caption.append(String.join(" ", records.get(i).cells())).append(' ');
            }
            CsvCodec.Record header = records.get(headerAt);
            CsvCodec.Record subHeader = null;
            if (headerAt + 1 < records.size() && isSubHeader(records.get(headerAt + 1))) {
                subHeader = records.get(headerAt + 1);
            }
            int dataFrom = headerAt + (subHeader == null ? 1 : 2);
            int captionRow = headerAt > 0 ? records.get(0).line() : header.line();

            Optional<AmountUnit> parsedUnit = HeaderLayout.unit(caption.toString());
            if (parsedUnit.isEmpty()) {
                Optional<String> label = HeaderLayout.unitLabel(caption.toString());
                add(Finding.Level.ERROR, captionRow, null, label.orElse(caption.toString().strip()), null,
                        label.isPresent() ? "알 수 없는 단위: " + label.get() + " (천원 또는 백만원만 허용)"
                                : "표제에 단위(천원/백만원)가 없음 — 단위를 추정하지 않음");
                return rejected(null, null);
            }
            unit = parsedUnit.get();
            String headerText = String.join(" ", header.cells()) + " "
                    + (subHeader == null ? "" : String.join(" ", subHeader.cells()));
            LocalDate asOf = HeaderLayout.asOf(caption.toString())
                    .or(() -> HeaderLayout.asOfFromHeader(headerText))
                    .orElse(options.asOf());

            List<String[]> labels = HeaderLayout.labels(header.cells(), subHeader == null ? null : subHeader.cells());
            columns = new ArrayList<>();
            Column previous = null;
            for (int i = 0; i < labels.size(); i++) {
                String[] gl = labels.get(i);
                if (gl[0].isEmpty() && gl[1].isEmpty()) {
                    continue;
                }
                Column column = HeaderLayout.map(i, gl[0], gl[1], previous);
                if (column == null || columns.contains(column)) {
                    add(Finding.Level.ERROR, header.line(), null, (gl[0] + " " + gl[1]).strip(), null,
                            column == null ? (i + 1) + "번째 열 머리글을 알 수 없음" : "같은 열이 두 번 나옴: " + column.label());
                    return rejected(null, asOf);
                }
                columns.add(column);
                previous = column;
            }
            TableFormat format = HeaderLayout.detect(columns);
            for (Column required : HeaderLayout.required(format)) {
                if (!columns.contains(required)) {
                    add(Finding.Level.ERROR, header.line(), required, null, null, "필수 열이 없음: " + required.label());
                    return rejected(format, asOf);
                }
            }
            if (format != TableFormat.PLAN && asOf == null) {
                add(Finding.Level.WARNING, captionRow, null, null, null, "기준일이 표제에 없음");
            }

            List<CsvCodec.Record> data = records.subList(dataFrom, records.size()).stream()
                    .filter(r -> !HeaderLayout.isHeaderStart(r.cell(0)) && !isSubHeader(r)).toList();
            List<Row> rows = new ArrayList<>();
            List<String[]> footnotes = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                CsvCodec.Record r = data.get(i);
                String name = LineNames.tidy(r.cell(0));
                if (isCaptionOnly(r)) {
                    // a page break repeats the caption; the unit must not change mid-table
                    Optional<AmountUnit> again = HeaderLayout.unit(name);
                    if (again.isPresent() && again.get() != unit) {
                        add(Finding.Level.ERROR, r.line(), null, name, unit.label(), "표 중간에서 단위가 바뀜 — 표를 나누어 가져오세요");
                        return rejected(format, asOf);
                    }
                    continue;
                }
                if (name.startsWith("※") || name.startsWith("*")) {
                    footnotes.add(new String[] {String.valueOf(r.line()), String.join(",", r.cells())});
                    continue;
                }
                String next = i + 1 < data.size() ? LineNames.tidy(data.get(i + 1).cell(0)) : "";
                Row row = new Row(r.line(), name, classify(name, next));
                for (int c = 1; c < columns.size(); c++) {
                    row.typed.put(columns.get(c), r.cell(c).strip());
                }
                rows.add(row);
            }
            for (Row row : rows) {
                parseCells(row);
            }
            for (Row row : rows) {
                checkRow(row, format);
            }
            List<RowKind> kinds = rows.stream().map(r -> r.kind).toList();
            int[] parent = BudgetTable.parents(kinds);
            checkSubtotals(rows, parent);
            for (String[] footnote : footnotes) {
                checkFootnote(Integer.parseInt(footnote[0]), footnote[1], rows);
            }
            matchNames(rows);
            return finish(rows, parent, format, asOf, header, subHeader, rows.size() + footnotes.size());
        }

        private static boolean isCaptionOnly(CsvCodec.Record r) {
            return r.cell(0).contains("단위") && r.cells().stream().skip(1).noneMatch(c -> Amounts.isWellFormed(c.strip()));
        }

        private static boolean isSubHeader(CsvCodec.Record r) {
            if (!r.cell(0).strip().isEmpty()) {
                return false;
            }
            boolean anyLabel = false;
            for (String cell : r.cells()) {
                String c = cell.strip();
                if (c.isEmpty()) {
                    continue;
                }
                if (Amounts.isWellFormed(c) || Rate.isWellFormed(c)) {
                    return false;
                }
                anyLabel = true;
            }
            return anyLabel;
        }

        private static RowKind classify(String name, String nextName) {
            String key = name.replaceAll("\\s", "");
            if (key.equals("합계") || key.equals("계") || key.equals("총계")) {
                return RowKind.TOTAL;
            }
            if (key.endsWith("(계)")) {
                return RowKind.GROUP;
            }
            if (key.startsWith("기본경비")) {
                return key.equals("기본경비") && nextName.replaceAll("\\s", "").startsWith("기본경비(")
                        ? RowKind.BASIC_GROUP : RowKind.BASIC;
            }
            Matcher m = ORG_UNIT.matcher(key);
            if (m.matches()) {
                String suffix = m.group(1);
                return suffix.equals("과") || suffix.equals("담당관") ? RowKind.DIVISION : RowKind.BUREAU;
            }
            return RowKind.PROGRAM;
        }

        private void parseCells(Row row) {
            for (Column column : columns) {
                if (!column.isAmountLike()) {
                    continue;
                }
                String typed = row.typed.get(column);
                Correction fix = correction(row.line, column);
                boolean wellFormed = Amounts.isWellFormed(typed);
                if (wellFormed) {
                    row.typedValues.put(column, Amounts.parse(typed, unit));
                }
                if (!column.isBaseAmount()) {
                    if (!wellFormed) {
                        add(Finding.Level.ERROR, row.line, column, typed, null,
                                typed.isEmpty() ? "값이 비어 있음" : "금액 형식 오류 (△?999,999 형식이어야 함)");
                    }
                    continue;
                }
                if (fix != null) {
                    if (!Amounts.isWellFormed(fix.value())) {
                        add(Finding.Level.ERROR, row.line, column, typed, fix.value(), "보정값도 금액 형식이 아님");
                        continue;
                    }
                    long corrected = Amounts.parse(fix.value(), unit);
                    row.values.put(column, corrected);
                    String message = wellFormed ? "보정값 적용 (입력값은 기록에 남음)" : "금액 형식 오류 (△?999,999 형식이어야 함)";
                    Finding.Level level = wellFormed ? Finding.Level.INFO : Finding.Level.ERROR;
                    findings.add(new Finding(level, options.source(), row.line, column, typed, fix.value(), message, fix));
                } else if (wellFormed) {
                    row.values.put(column, row.typedValues.get(column));
                } else {
                    add(Finding.Level.ERROR, row.line, column, typed, null,
                            typed.isEmpty() ? "값이 비어 있음" : "금액 형식 오류 (△?999,999 형식이어야 함)");
                }
            }
        }

        private String fmt(long won) {
            return Amounts.format(won, unit);
        }

        private void checkRow(Row row, TableFormat format) {
            if (format == TableFormat.PLAN) {
                Long a = row.values.get(Column.PLAN_AMOUNT);
                Long b = row.values.get(Column.PREV_FINAL);
                if (a == null || b == null) {
                    return;
                }
                if (columns.contains(Column.CHANGE) && row.typedValues.containsKey(Column.CHANGE)) {
                    long computed = BudgetFigures.change(a, b);
                    long typed = row.typedValues.get(Column.CHANGE);
                    if (typed != computed) {
                        mismatch(row, Column.CHANGE, computed, "증감이 A − B와 다름");
                    }
                }
                if (columns.contains(Column.CHANGE_RATE)) {
                    checkChangeRate(row, a, b);
                }
                return;
            }
            Long current = row.values.containsKey(Column.BUDGET_CURRENT) ? row.values.get(Column.BUDGET_CURRENT)
                    : columns.contains(Column.BUDGET_CURRENT) ? null : row.values.get(Column.BUDGET);
            Long budget = row.values.get(Column.BUDGET);
            if (budget != null && row.values.containsKey(Column.BUDGET_CURRENT) && current < budget) {
                add(Finding.Level.WARNING, row.line, Column.BUDGET_CURRENT, row.typed.get(Column.BUDGET_CURRENT),
                        fmt(budget), "예산현액이 예산보다 작음 (이월액이 음수)");
            }
            if (current == null) {
                return;
            }
            checkRate(row, Column.COMMIT_RATE, Column.COMMITTED, current, "원인행위율");
            checkRate(row, Column.SPENT_RATE, Column.SPENT, current, "집행률");
            checkRate(row, Column.FORECAST_RATE, Column.FORECAST, current, "연말 집행률");
            Long forecast = row.values.get(Column.FORECAST);
            if (forecast != null && forecast > current) {
                add(Finding.Level.WARNING, row.line, Column.FORECAST, row.typed.get(Column.FORECAST), fmt(current),
                        "연말 집행예상액이 예산현액보다 큼");
            }
        }

        /** A typed derived/subtotal value disagrees with the computed one: error, unless a correction agrees. */
        private void mismatch(Row row, Column column, long computed, String message) {
            Finding finding = new Finding(Finding.Level.ERROR, options.source(), row.line, column,
                    row.typed.get(column), fmt(computed), message, null);
            Correction fix = correction(row.line, column);
            if (fix != null && Amounts.isWellFormed(fix.value()) && Amounts.parse(fix.value(), unit) == computed) {
                finding = finding.resolvedBy(fix);
            } else if (fix != null && column.isBaseAmount() && Long.valueOf(computed).equals(row.values.get(column))) {
                finding = finding.resolvedBy(fix);
            }
            findings.add(finding);
        }

        private Optional<Rate> typedRate(Row row, Column column) {
            String typed = row.typed.get(column);
            if (typed == null || typed.isEmpty()) {
                return Optional.empty();
            }
            if (!Rate.isWellFormed(typed)) {
                add(Finding.Level.WARNING, row.line, column, typed, null, "비율 형식 오류");
                return Optional.empty();
            }
            Rate rate = Rate.parse(typed);
            RateStyle seen = rateStyles.get(column);
            int scale = Math.max(rate.scale(), seen == null ? 0 : seen.scale());
            boolean percent = typed.endsWith("%") || (seen != null && seen.percentSign());
            rateStyles.put(column, new RateStyle(scale, percent));
            return Optional.of(rate);
        }

        private void checkRate(Row row, Column rateColumn, Column partColumn, long whole, String what) {
            if (!columns.contains(rateColumn)) {
                return;
            }
            Optional<Rate> typed = typedRate(row, rateColumn);
            Long part = row.values.get(partColumn);
            if (typed.isEmpty() || part == null) {
                return;
            }
            if (whole == 0) {
                add(Finding.Level.INFO, row.line, rateColumn, row.typed.get(rateColumn), null,
                        what + ": 예산현액이 0이라 계산할 수 없음");
                return;
            }
            Rate computed = Rate.of(part, whole, typed.get().scale());
            if (computed.compareTo(typed.get()) != 0) {
                add(Finding.Level.WARNING, row.line, rateColumn, row.typed.get(rateColumn), computed.format(),
                        what + "이 계산값과 다름 (표기 정밀도 기준)");
            }
        }

        private void checkChangeRate(Row row, long a, long b) {
            Optional<Rate> typed = typedRate(row, Column.CHANGE_RATE);
            if (typed.isEmpty()) {
                return;
            }
            ChangeRate computed = BudgetFigures.changeRate(a, b, typed.get().scale());
            String printed = row.typed.get(Column.CHANGE_RATE);
            switch (computed.kind()) {
                case NEW, NONE -> add(Finding.Level.INFO, row.line, Column.CHANGE_RATE, printed, computed.display(),
                        "B가 0: 증감률 대신 " + computed.display() + "(으)로 표시 (보고서 표기 " + printed + ")");
                case ABOLISHED -> add(Finding.Level.INFO, row.line, Column.CHANGE_RATE, printed, computed.display(),
                        "A가 0: 증감률 대신 폐지로 표시 (보고서 표기 " + printed + ")");
                case RATE -> {
                    if (computed.rate().compareTo(typed.get()) != 0) {
                        add(Finding.Level.WARNING, row.line, Column.CHANGE_RATE, printed, computed.rate().format(),
                                "증감률이 (A−B)×100/B와 다름");
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        private void checkSubtotals(List<Row> rows, int[] parent) {
            for (int p = 0; p < rows.size(); p++) {
                Row total = rows.get(p);
                if (!total.kind.isSubtotal()) {
                    continue;
                }
                List<Row> children = new ArrayList<>();
                for (int c = 0; c < rows.size(); c++) {
                    if (parent[c] == p) {
                        children.add(rows.get(c));
                    }
                }
                if (children.isEmpty()) {
                    continue;
                }
                for (Column column : columns) {
                    if (!column.isBaseAmount() || !total.values.containsKey(column)) {
                        continue;
                    }
                    long sum = 0;
                    boolean complete = true;
                    for (Row child : children) {
                        Long v = child.values.get(column);
                        if (v == null) {
                            complete = false;
                            break;
                        }
                        sum += v;
                    }
                    if (!complete) {
                        add(Finding.Level.INFO, total.line, column, total.typed.get(column), null,
                                "하위 행의 오류로 소계 검증을 미룸");
                        continue;
                    }
                    Long typed = total.typedValues.get(column);
                    long effective = total.values.get(column);
                    if (effective == sum && (typed == null || typed == sum)) {
                        continue;
                    }
                    mismatch(total, column, sum, total.kind == RowKind.TOTAL || total.kind == RowKind.BUREAU
                            ? "합계가 하위 소계의 합과 다름" : "소계가 하위 행의 합과 다름");
                }
            }
        }

        /** A footnote like "예산현액 3,570,932천원 = 사고이월액 1,575,766천원 + 본예산 1,995,167천원" (T5). */
        private void checkFootnote(int line, String text, List<Row> rows) {
            if (!text.contains("예산현액")) {
                return;
            }
            Matcher m = FOOTNOTE_AMOUNT.matcher(text);
            List<String> printed = new ArrayList<>();
            while (m.find()) {
                printed.add(m.group(1));
            }
            if (printed.size() < 3) {
                return;
            }
            long stated = Amounts.parse(printed.get(0), AmountUnit.THOUSAND_WON);
            long sum = 0;
            for (String part : printed.subList(1, printed.size())) {
                sum += Amounts.parse(part, AmountUnit.THOUSAND_WON);
            }
            if (stated != sum) {
                add(Finding.Level.WARNING, line, Column.BUDGET_CURRENT, printed.get(0), Amounts.formatThousandWon(sum),
                        "각주의 예산현액이 각주의 더하기와 다름");
            }
            boolean inTable = rows.stream().anyMatch(r -> Long.valueOf(stated).equals(r.values.get(Column.BUDGET_CURRENT)));
            long total = sum;
            boolean sumInTable = rows.stream().anyMatch(r -> Long.valueOf(total).equals(r.values.get(Column.BUDGET_CURRENT)));
            if (!inTable) {
                add(Finding.Level.WARNING, line, Column.BUDGET_CURRENT, printed.get(0),
                        sumInTable ? Amounts.formatThousandWon(sum) : null,
                        sumInTable ? "각주의 예산현액이 표의 값과 다름 (표는 각주 항목의 합과 일치)" : "각주의 예산현액이 표에 없음");
            }
        }

        private void matchNames(List<Row> rows) {
            if (options.knownLineNames().isEmpty()) {
                return;
            }
            for (Row row : rows) {
                if (!row.kind.isLine()) {
                    continue;
                }
                LineNames.match(row.name, options.knownLineNames()).ifPresent(match -> {
                    row.matchedName = match.knownName();
                    switch (match.kind()) {
                        case VARIANT -> add(Finding.Level.WARNING, row.line, Column.NAME, row.name, match.knownName(),
                                "알려진 사업명과 띄어쓰기·가운뎃점만 다름: 기존 사업에 연결");
                        case TYPO -> add(Finding.Level.WARNING, row.line, Column.NAME, row.name, match.knownName(),
                                "알려진 사업명의 오타로 보임: 기존 사업에 연결");
                        default -> {
                        }
                    }
                });
            }
        }

        private ImportReport finish(List<Row> rows, int[] parent, TableFormat format, LocalDate asOf,
                                    CsvCodec.Record header, CsvCodec.Record subHeader, int rowsRead) {
            Set<Integer> blocked = new HashSet<>();
            for (Finding f : findings) {
                if (f.blocksRow()) {
                    blocked.add(f.row());
                }
            }
            List<Column> baseColumns = columns.stream().filter(Column::isBaseAmount).toList();
            List<ImportedLine> lines = new ArrayList<>();
            List<TableRow> tableRows = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                boolean complete = baseColumns.stream().allMatch(row.values::containsKey);
                if (row.kind.isLine() && !blocked.contains(row.line) && complete) {
                    lines.add(new ImportedLine(row.line, ancestor(rows, parent, i, RowKind.BUREAU),
                            ancestor(rows, parent, i, RowKind.DIVISION), row.name, row.matchedName, row.kind,
                            row.name.replaceAll("\\s", "").endsWith(PB_SUFFIX), row.values));
                    tableRows.add(new TableRow(row.name, row.kind, row.values));
                } else if (row.kind.isSubtotal() && complete) {
                    tableRows.add(new TableRow(row.name, row.kind, row.values));
                }
            }
            List<List<String>> headerRows = subHeader == null ? List.of(header.cells())
                    : List.of(header.cells(), subHeader.cells());
            BudgetTable table = new BudgetTable(format, asOf, headerRows, columns, rateStyles, tableRows);
            return new ImportReport(options.source(), encoding, format, unit, asOf, rowsRead, lines, findings, table);
        }

        private String ancestor(List<Row> rows, int[] parent, int index, RowKind kind) {
            for (int p = parent[index]; p >= 0; p = parent[p]) {
                if (rows.get(p).kind == kind) {
                    return rows.get(p).name;
                }
            }
            return kind == RowKind.BUREAU ? options.bureau() : null;
        }
    }
}
