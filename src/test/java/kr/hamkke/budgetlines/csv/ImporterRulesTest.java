package kr.hamkke.budgetlines.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import kr.hamkke.budgetlines.figures.Amount;
import org.junit.jupiter.api.Test;

/** Import rules not tied to one trap: corrections, page breaks, subtotals, kinds. */
class ImporterRulesTest {

    private final BudgetTableImporter importer = new BudgetTableImporter();

    private static final String EXEC = """
            (단위 : 천원, %, ’21.3.31. 기준)
            구 분,예산,예산현액(A),원인행위액,지출액(B),집행률(B/A)
            전환도시담당관,"1,704,500","1,704,500","263,264","25,064",1.5
            지속가능한 도시전환랩 운영,"484,000","484,000","2,264","2,264",0.5
            공유서울 확산,"1,004,500","1,004,500","242,500","22,800",2.3
            기본경비,"216,000","216,000","18,500","0",0.0
            """;

    @Test
    void aCorrectionThatDisagreesWithTheComputedValueLeavesTheErrorOpen() {
        String text = EXEC.replace("\"263,264\"", "\"263,265\"");
        ImportReport plain = importer.importText(text, ImportOptions.named("t"));
        Finding error = plain.findingsAt(3, Column.COMMITTED).get(0);
        assertEquals(Finding.Level.ERROR, error.level());
        assertEquals("263,265", error.typed());
        assertEquals("263,264", error.computed());
        assertEquals(3, plain.lines().size(), "the division row is blocked, its lines are not");

        ImportReport wrongFix = importer.importText(text, ImportOptions.named("t")
                .withCorrections(List.of(new Correction(3, Column.COMMITTED, "263,000", "추정"))));
        assertTrue(wrongFix.findingsAt(3, Column.COMMITTED).stream().anyMatch(Finding::blocksRow));

        ImportReport fixed = importer.importText(text, ImportOptions.named("t")
                .withCorrections(List.of(new Correction(3, Column.COMMITTED, "263,264", "하위 행 합계로 정정"))));
        assertTrue(fixed.blockingErrors().isEmpty(), fixed.findings()::toString);
        assertTrue(fixed.findingsAt(3, Column.COMMITTED).stream().anyMatch(f -> "263,265".equals(f.typed())),
                "the typed value stays in the report");
    }

    @Test
    void correctionsNeedANote() {
        assertThrows(IllegalArgumentException.class, () -> new Correction(3, Column.SPENT, "1,000", " "));
    }

    @Test
    void pageBreakRepeatingCaptionAndHeaderIsSkipped() {
        String text = EXEC.replace("공유서울 확산", "(단위 : 천원, %)\n구 분,예산,예산현액(A),원인행위액,지출액(B),집행률(B/A)\n공유서울 확산");
        ImportReport report = importer.importText(text, ImportOptions.named("t"));
        assertEquals(3, report.lines().size());
        assertTrue(report.findings().isEmpty(), report.findings()::toString);
        ImportReport mixed = importer.importText(EXEC.replace("공유서울 확산", "(단위 : 백만원)\n공유서울 확산"),
                ImportOptions.named("t"));
        assertTrue(mixed.rejected());
    }

    @Test
    void basicExpenseRowsBecomeBasicLinesAndNamesAreTidied() {
        ImportReport report = importer.importText(EXEC.replace("공유서울 확산", "  공유서울   확산 "), ImportOptions.named("t"));
        assertEquals(RowKind.BASIC, report.line("기본경비").kind());
        assertEquals("공유서울 확산", report.line("공유서울 확산").name());
        assertEquals("전환도시담당관", report.line("기본경비").division());
    }

    @Test
    void unknownHeaderIsRejectedNotGuessed() {
        ImportReport report = importer.importText(EXEC.replace("원인행위액", "계약액"), ImportOptions.named("t"));
        assertTrue(report.rejected());
        assertEquals(2, report.errors().get(0).row());
    }

    @Test
    void amountValueType() {
        Amount a = Amount.ofThousands(48_912_754);
        Amount b = Amount.ofThousands(77_829_210);
        assertEquals("△28,916,456", a.minus(b).formatThousands());
        assertEquals("489억 1,275만 4,000 원", a.formatForCitizens());
        assertEquals("5억 6,900만 원", Amount.ofThousands(569_000).formatForCitizens());
        assertTrue(a.isWholeThousands());
        assertFalse(Amount.ofWon(1_500).isWholeThousands());
    }
}
