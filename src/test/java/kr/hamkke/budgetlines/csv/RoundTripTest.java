package kr.hamkke.budgetlines.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Random;

import kr.hamkke.testing.PropertyCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private final BudgetTableExporter exporter = new BudgetTableExporter();
    private final BudgetTableImporter importer = new BudgetTableImporter();

    private static List<ImportedLine> withoutRows(ImportReport report) {
        return report.lines().stream().map(ImportedLine::withoutRow).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.PLAN_2022, Fixtures.PLAN_2022_SUMMARY, Fixtures.EXEC_2021, Fixtures.ANNEX_2018,
            Fixtures.SUMMARY_2020, Fixtures.MINI_2018_MILLION, "fy2018-section-youth-activity.csv",
            "fy2018-section-human-rights.csv", "fy2020-section-park-construction.csv", "fy2020-section-donation.csv",
            "fy2020-section-transition-lab.csv", "fy2020-section-preventive-conflict.csv"})
    void exportThenImportGivesIdenticalLines(String file) {
        ImportReport original = Fixtures.loadCorrected(file);
        byte[] exported = exporter.export(original.table());
        assertArrayEquals(CsvCodec.UTF8_BOM, Arrays.copyOf(exported, 3), "UTF-8 with BOM");
        ImportReport again = importer.importBytes(exported, ImportOptions.named("export of " + file)
                .withKnownLineNames(Fixtures.knownLines()));
        assertEquals(withoutRows(original), withoutRows(again));
        assertEquals(original.format(), again.format());
        assertEquals(original.asOf(), again.asOf());
        assertTrue(again.errors().isEmpty(), again.errors()::toString);
        assertTrue(again.warnings().stream().allMatch(f -> f.column() == Column.NAME), again.warnings()::toString);
        assertArrayEquals(exported, exporter.export(again.table()), "export is a fixed point");
    }

    @Test
    void exportReproducesThePrintedRowsOfTheSource() {
        String source = new String(Fixtures.bytes(Fixtures.EXEC_2021), StandardCharsets.UTF_8);
        String exported = exporter.exportText(Fixtures.load(Fixtures.EXEC_2021).table());
        List<String> sourceRows = new ArrayList<>(List.of(source.substring(1).split("\r\n")));
        List<String> exportedRows = List.of(exported.split("\r\n"));
        sourceRows.remove(sourceRows.size() - 1); // the ※ footnote is not table data
        assertEquals(sourceRows.subList(1, sourceRows.size()), exportedRows.subList(1, exportedRows.size()));
        assertEquals("\"(단위 : 천원, %, ’21.3.31. 기준)\"", exportedRows.get(0));
    }

    @Test
    void exportOneDivisionBuiltFromLinesForAnyDate() {
        long k = 1000;
        List<TableRow> rows = List.of(
                TableRow.of("전환도시담당관", RowKind.DIVISION, Map.of()),
                TableRow.of("지속가능한 도시전환랩 운영", RowKind.PROGRAM, exec(484_000 * k, 484_000 * k, 2_264 * k, 2_264 * k)),
                TableRow.of("지역 순환 경제 기반 조성", RowKind.PROGRAM, exec(200_000 * k, 200_000 * k, 0, 0)),
                TableRow.of("공유서울 확산", RowKind.PROGRAM, exec(1_004_500 * k, 1_004_500 * k, 242_500 * k, 22_800 * k)),
                TableRow.of("서울시민 행복증진", RowKind.PROGRAM, exec(464_000 * k, 464_000 * k, 169_700 * k, 10_000 * k)),
                TableRow.of("기본경비", RowKind.BASIC, exec(37_289 * k, 37_289 * k, 18_645 * k, 18_645 * k)));
        BudgetTable table = BudgetTable.of(TableFormat.EXEC, 2021, LocalDate.of(2021, 3, 31), rows);
        String text = exporter.exportText(table);
        assertTrue(text.contains("전환도시담당관,\"2,189,789\",\"2,189,789\",\"433,109\",\"53,709\",2.5\r\n"), text);
        assertTrue(text.contains("공유서울 확산,\"1,004,500\",\"1,004,500\",\"242,500\",\"22,800\",2.3\r\n"), text);
        ImportReport back = importer.importBytes(exporter.export(table), "division");
        assertEquals(5, back.lines().size());
        assertEquals("전환도시담당관", back.line("공유서울 확산").division());

        BudgetTable slice = Fixtures.load(Fixtures.EXEC_2021).table().forUnit("갈등조정담당관");
        ImportReport sliced = importer.importBytes(exporter.export(slice.withAsOf(LocalDate.of(2021, 4, 30))), "slice");
        assertEquals(7, sliced.lines().size());
        assertEquals(LocalDate.of(2021, 4, 30), sliced.asOf());
        assertTrue(sliced.findings().isEmpty(), sliced.findings()::toString);
    }

    private static Map<Column, Long> exec(long budget, long current, long committed, long spent) {
        return Map.of(Column.BUDGET, budget, Column.BUDGET_CURRENT, current, Column.COMMITTED, committed, Column.SPENT, spent);
    }

    private static final long MAX_AMOUNT = 50_000_000;

    /** A generated plan table: 1..12 amounts in thousands, each 0..50,000,000, and a mixing seed 0..3. */
    private record Plan(List<Long> thisYear, int seed) {
    }

    /** Formerly a jqwik {@code @Property(tries = 200)}; now 200 random plans plus 20 edge plans. */
    @Test
    void randomPlanTablesSurviveTheRoundTrip() {
        PropertyCheck.forAll("randomPlanTablesSurviveTheRoundTrip", 200, edgePlans(), RoundTripTest::plan,
                plan -> planSurvivesTheRoundTrip(plan.thisYear(), plan.seed()));
    }

    private void planSurvivesTheRoundTrip(List<Long> thisYear, int seed) {
        List<TableRow> rows = new ArrayList<>();
        rows.add(TableRow.of("합 계", RowKind.TOTAL, Map.of()));
        rows.add(TableRow.of("시민참여과", RowKind.DIVISION, Map.of()));
        for (int i = 0; i < thisYear.size(); i++) {
            long a = thisYear.get(i) * 1000;
            long b = (thisYear.get((i + seed) % thisYear.size()) / (seed + 1)) * 1000;
            rows.add(TableRow.of("사업 " + i, i == 0 ? RowKind.BASIC : RowKind.PROGRAM,
                    Map.of(Column.PLAN_AMOUNT, a, Column.PREV_ORIGINAL, b, Column.PREV_FINAL, b)));
        }
        rows.set(2, TableRow.of("기본경비", RowKind.BASIC, rows.get(2).amounts()));
        BudgetTable table = BudgetTable.of(TableFormat.PLAN, 2022, null, rows);
        byte[] exported = exporter.export(table);
        ImportReport back = importer.importBytes(exported, "random");
        assertTrue(back.errors().isEmpty() && back.warnings().isEmpty(), back.findings()::toString);
        assertEquals(thisYear.size(), back.lines().size());
        for (int i = 0; i < thisYear.size(); i++) {
            assertEquals(rows.get(i + 2).amounts(), back.lines().get(i).amounts());
        }
        assertArrayEquals(exported, exporter.export(back.table()));
    }

    private static Plan plan(Random rnd) {
        int size = rnd.nextInt(1, 13);
        List<Long> thisYear = new ArrayList<>(size);
        for (int i = 0; i < size; i++) thisYear.add(amount(rnd));
        return new Plan(thisYear, rnd.nextInt(0, 4));
    }

    /** Uniform in 0..50,000,000, but one in eight is 0, 1, 999, 1000 or the maximum, as jqwik mixed in. */
    private static long amount(Random rnd) {
        if (rnd.nextInt(8) == 0) return new long[] {0, 1, 999, 1000, MAX_AMOUNT}[rnd.nextInt(5)];
        return rnd.nextLong(0, MAX_AMOUNT + 1);
    }

    /** Shortest and longest lists of the smallest and largest amounts, for every seed. */
    private static List<Plan> edgePlans() {
        List<Plan> plans = new ArrayList<>();
        for (int seed = 0; seed <= 3; seed++) {
            plans.add(new Plan(List.of(0L), seed));
            plans.add(new Plan(List.of(MAX_AMOUNT), seed));
            plans.add(new Plan(Collections.nCopies(12, 0L), seed));
            plans.add(new Plan(Collections.nCopies(12, MAX_AMOUNT), seed));
            plans.add(new Plan(List.of(0L, 1L, MAX_AMOUNT, 999L, 1000L, MAX_AMOUNT - 1, 2L, 0L, 50L, 500L, 5000L, 1L),
                    seed));
        }
        return plans;
    }
}
