package kr.hamkke.budgetlines.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import kr.hamkke.budgetlines.figures.AmountUnit;
import kr.hamkke.budgetlines.figures.Amounts;
import org.junit.jupiter.api.Test;

/** DOMAIN §11: one test per data-quality trap, asserting the level and the row/column reported. */
class TrapsTest {

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings::toString);
        return findings.get(0);
    }

    private static Finding duplicate(List<Finding> findings, int row, Column column) {
        return only(findings.stream().filter(f -> f.row() == row && f.column() == column).toList());
    }

    @Test
    void t01_malformedAmountIsAnErrorThatACorrectionResolves() {
        ImportReport plain = Fixtures.load(Fixtures.PLAN_2022);
        Finding error = only(plain.findingsAt(50, Column.PREV_FINAL));
        assertEquals(Finding.Level.ERROR, error.level());
        assertEquals("211,1000", error.typed());
        assertTrue(error.blocksRow());
        assertTrue(plain.lines().stream().noneMatch(l -> l.row() == 50), "only its row is blocked");
        assertEquals(49, plain.lines().size());

        ImportReport corrected = Fixtures.loadCorrected(Fixtures.PLAN_2022);
        Finding resolved = only(corrected.findingsAt(50, Column.PREV_FINAL));
        assertEquals(Finding.Level.ERROR, resolved.level());
        assertEquals("211,1000", resolved.typed(), "the typed value stays in the report");
        assertTrue(resolved.isResolved());
        assertTrue(resolved.resolution().note().contains("T1"));
        ImportedLine line = corrected.line("비영리민간단체 공익활동 등 지원");
        assertEquals(2_111_000_000L, line.amount(Column.PREV_FINAL));
        assertTrue(corrected.findingsAt(50, Column.CHANGE).isEmpty(), "17,820 fits 2,111,000");
        assertTrue(corrected.findingsAt(50, Column.CHANGE_RATE).isEmpty(), "0.8 fits 2,111,000");
    }

    @Test
    void t02_typedChangeDisagreesWithAMinusB() {
        for (ImportReport report : List.of(Fixtures.load(Fixtures.PLAN_2022), Fixtures.load(Fixtures.PLAN_2022_SUMMARY))) {
            int row = report.source().equals(Fixtures.PLAN_2022) ? 43 : 9;
            Finding change = only(report.findingsAt(row, Column.CHANGE));
            assertEquals(Finding.Level.ERROR, change.level());
            assertEquals("△8,092,719", change.typed());
            assertEquals("△9,043,428", change.computed());
            Finding rate = only(report.findingsAt(row, Column.CHANGE_RATE));
            assertEquals(Finding.Level.WARNING, rate.level());
            assertEquals("△26.6", rate.typed());
            assertEquals("△29.7", rate.computed());
        }
        // only the computed value makes the total add up: no finding on the total row
        assertTrue(Fixtures.load(Fixtures.PLAN_2022).findingsAt(4).isEmpty());
        assertTrue(Fixtures.load(Fixtures.PLAN_2022_SUMMARY).findingsAt(4).isEmpty());
        assertTrue(only(Fixtures.loadCorrected(Fixtures.PLAN_2022).findingsAt(43, Column.CHANGE)).isResolved());
    }

    @Test
    void t03_typoInANameIsAWarningAndMatchesTheKnownLine() {
        ImportReport report = Fixtures.load(Fixtures.PLAN_2022);
        Finding name = only(report.findingsAt(52, Column.NAME));
        assertEquals(Finding.Level.WARNING, name.level());
        assertEquals("지역사회혁신계획(구단위계혁형) 지원", name.typed());
        assertEquals("지역사회혁신계획(구단위계획형) 지원", name.computed());
        ImportedLine line = report.line("지역사회혁신계획(구단위계획형) 지원");
        assertEquals("지역사회혁신계획(구단위계혁형) 지원", line.name());
        assertEquals(15_675_400_000L, line.amount(Column.PLAN_AMOUNT));
        // spacing and middle-dot variants too
        assertEquals(LineNames.MatchKind.VARIANT,
                LineNames.match("시민참여 플랫폼 운영‧관리", Fixtures.knownLines()).orElseThrow().kind());
        assertEquals(LineNames.MatchKind.VARIANT,
                LineNames.match("시민참여 플랫폼 운영・관리", Fixtures.knownLines()).orElseThrow().kind());
        assertEquals(LineNames.MatchKind.VARIANT, LineNames.match("공유 서울 확산", Fixtures.knownLines()).orElseThrow().kind());
        assertTrue(LineNames.match("서울혁신파크 관리", Fixtures.knownLines()).isEmpty());
    }

    /** T4 is a PB-type vs executing-body difference (§5.2), not a table inconsistency: nothing is flagged. */
    @Test
    void t04_pbTypeShareIsNotABudgetTableError() {
        ImportReport report = Fixtures.loadCorrected(Fixtures.PLAN_2022);
        assertTrue(report.blockingErrors().isEmpty());
        assertEquals("156억 7,540만 원",
                Amounts.formatForCitizens(report.line("지역사회혁신계획(구단위계획형) 지원").amount(Column.PLAN_AMOUNT)));
    }

    @Test
    void t05_footnoteBudgetCurrentMismatchIsAWarning() {
        ImportReport report = Fixtures.load("fy2020-section-park-construction.csv");
        List<Finding> footnote = report.findingsAt(6, Column.BUDGET_CURRENT);
        assertFalse(footnote.isEmpty());
        footnote.forEach(f -> assertEquals(Finding.Level.WARNING, f.level()));
        assertEquals("3,570,932", footnote.get(0).typed());
        assertEquals("3,570,933", footnote.get(0).computed());
        assertEquals(3_570_933_000L, report.line("서울혁신파크 조성사업").amount(Column.BUDGET_CURRENT));
        assertTrue(report.errors().isEmpty());
        // the 2021 footnote (12,346,984 = 12,099,481 + 247,503) is consistent
        assertTrue(Fixtures.load(Fixtures.EXEC_2021).findings().stream().noneMatch(f -> f.row() == 29));
    }

    @Test
    void t06_parkOperationCommittedDiffersBetweenSectionAndSummary() {
        ImportReport section = Fixtures.load("fy2020-section-park-operation.csv");
        ImportReport summary = Fixtures.load(Fixtures.SUMMARY_2020);
        List<Finding> dups = DuplicateLineCheck.compare(section, summary);
        int row = summary.line("서울혁신파크운영").row();
        Finding committed = duplicate(dups, row, Column.COMMITTED);
        assertEquals(Finding.Level.WARNING, committed.level());
        assertEquals("5,470,920", committed.typed());
        assertEquals("5,467,920", committed.computed());
        assertTrue(committed.message().contains("5,467,920") && committed.message().contains("5,470,920"));
    }

    @Test
    void t07_preventiveConflictDuplicateAndRate() {
        ImportReport section = Fixtures.load("fy2020-section-preventive-conflict.csv");
        ImportReport summary = Fixtures.load(Fixtures.SUMMARY_2020);
        List<Finding> dups = DuplicateLineCheck.compare(section, summary);
        int row = summary.line("선제적 대응을 통한 예방적 갈등관리").row();
        Finding current = duplicate(dups, row, Column.BUDGET_CURRENT);
        assertEquals("61,000", current.typed());
        assertEquals("51,000", current.computed());
        Finding committed = duplicate(dups, row, Column.COMMITTED);
        assertEquals("25,661", committed.typed());
        assertEquals("17,327", committed.computed());
        Finding rate = only(section.findingsAt(5, Column.SPENT_RATE));
        assertEquals(Finding.Level.WARNING, rate.level());
        assertEquals("33.9%", rate.typed());
        assertEquals("34.0", rate.computed());
    }

    @Test
    void t08_citizenProposalForecastDiffersAndOnlyTheSectionFitsThePrintedRate() {
        ImportReport section = Fixtures.load("fy2018-section-citizen-proposals.csv");
        ImportReport annex = Fixtures.load(Fixtures.ANNEX_2018);
        Finding forecast = duplicate(DuplicateLineCheck.compare(section, annex), 11, Column.FORECAST);
        assertEquals("1,029,910", forecast.typed());
        assertEquals("1,020,910", forecast.computed());
        Finding rate = only(annex.findingsAt(11, Column.FORECAST_RATE));
        assertEquals(Finding.Level.WARNING, rate.level());
        assertEquals("95%", rate.typed());
        assertEquals("96", rate.computed());
        assertTrue(section.findingsAt(4, Column.FORECAST_RATE).isEmpty(), "95% fits 1,020,910");
    }

    @Test
    void t09_parkOperationBudgetCurrentDiffers() {
        ImportReport annex = Fixtures.load(Fixtures.ANNEX_2018);
        List<Finding> dups = DuplicateLineCheck.compare(Fixtures.load("fy2018-section-innovation-park.csv"), annex);
        Finding current = duplicate(dups, 7, Column.BUDGET_CURRENT);
        assertEquals(Finding.Level.WARNING, current.level());
        assertEquals("8,885,737", current.typed());
        assertEquals("7,535,737", current.computed());
    }

    @Test
    void t10_youthActivityForecastDiffers() {
        ImportReport annex = Fixtures.load(Fixtures.ANNEX_2018);
        List<Finding> dups = DuplicateLineCheck.compare(Fixtures.load("fy2018-section-youth-activity.csv"), annex);
        Finding forecast = duplicate(dups, annex.line("서울 청년활동 보장").row(), Column.FORECAST);
        assertEquals("21,010,000", forecast.typed());
        assertEquals("21,000,000", forecast.computed());
    }

    @Test
    void t11_offByOneBetweenSectionAndAnnex() {
        ImportReport annex = Fixtures.load(Fixtures.ANNEX_2018);
        List<Finding> dups = DuplicateLineCheck.check(List.of(Fixtures.load("fy2018-section-youth-project.csv"),
                Fixtures.load("fy2018-section-youth-space.csv"), annex));
        Finding committed = duplicate(dups, annex.line("청년프로젝트 투자 사업").row(), Column.COMMITTED);
        assertEquals("3,609,409", committed.typed());
        assertEquals("3,609,410", committed.computed());
        Finding current = duplicate(dups, annex.line("청년공간 무중력지대 설치·운영").row(), Column.BUDGET_CURRENT);
        assertEquals("5,202,292", current.typed());
        assertEquals("5,202,293", current.computed());
        dups.forEach(f -> assertEquals(Finding.Level.WARNING, f.level()));
    }

    @Test
    void t12_dotAsSeparatorAndMisplacedCommaAreSyntaxErrors() {
        Finding dot = only(Fixtures.load("fy2018-section-human-rights.csv").findingsAt(5, Column.BUDGET_CURRENT));
        assertEquals(Finding.Level.ERROR, dot.level());
        assertEquals("67.650", dot.typed());
        Finding comma = only(Fixtures.load(Fixtures.ANNEX_2018).findingsAt(20, Column.SPENT));
        assertEquals(Finding.Level.ERROR, comma.level());
        assertEquals("5103,640", comma.typed());
        assertTrue(Fixtures.loadCorrected("fy2018-section-human-rights.csv").blockingErrors().isEmpty());
        assertEquals(67_650_000L, Fixtures.loadCorrected("fy2018-section-human-rights.csv")
                .line("인권현장 체험프로그램 개발운영").amount(Column.BUDGET_CURRENT));
    }

    @Test
    void t13_headerVariantsMapToCanonicalColumns() {
        ImportReport donation = Fixtures.load("fy2020-section-donation.csv"); // '20년말 집행예산액 / 예산액
        assertEquals(TableFormat.EXEC_FORECAST, donation.format());
        assertEquals(59_360_000L, donation.line("기부 및 사회협력 활성화").amount(Column.FORECAST));
        assertTrue(donation.findings().isEmpty(), donation.findings()::toString);
        ImportReport lab = Fixtures.load("fy2020-section-transition-lab.csv"); // 집행액 for 예상액, '20.9.30..기준
        assertEquals(LocalDate.of(2020, 9, 30), lab.asOf());
        assertEquals(500_000_000L, lab.line("도시전환랩 프로젝트 운영").amount(Column.FORECAST));
        assertTrue(lab.findings().isEmpty(), lab.findings()::toString);
    }

    @Test
    void t14_unitComesFromTheCaptionNeverGuessed() {
        ImportReport millions = Fixtures.load(Fixtures.MINI_2018_MILLION);
        assertEquals(AmountUnit.MILLION_WON, millions.unit());
        ImportedLine line = millions.lines().get(0);
        assertEquals(4_252_000_000L, line.amount(Column.BUDGET));
        assertEquals(1_851_000_000L, line.amount(Column.COMMITTED));
        assertTrue(millions.findings().isEmpty(), millions.findings()::toString);
        assertEquals(AmountUnit.THOUSAND_WON, Fixtures.load(Fixtures.EXEC_2021).unit());

        BudgetTableImporter importer = new BudgetTableImporter();
        ImportReport noUnit = importer.importText("2021년 예산현황\n구 분,예산현액,지출액\n공유서울 확산,\"1,004,500\",\"22,800\"\n",
                ImportOptions.named("no-unit"));
        assertTrue(noUnit.rejected());
        Finding missing = only(noUnit.errors());
        assertEquals(1, missing.row());
        assertTrue(noUnit.lines().isEmpty());
        ImportReport badUnit = importer.importText("(단위 : 억원)\n구 분,예산현액,지출액\n공유서울 확산,10,1\n",
                ImportOptions.named("bad-unit"));
        assertEquals("억원", only(badUnit.errors()).typed());
        assertNull(badUnit.unit());
    }

    @Test
    void t15_hundredPercentWhereAOrBIsZeroIsInfo() {
        ImportReport report = Fixtures.load(Fixtures.PLAN_2022);
        Finding fresh = only(report.findingsAt(19, Column.CHANGE_RATE)); // 시민참여예산 한마당총회 운영: B = 0
        assertEquals(Finding.Level.INFO, fresh.level());
        assertEquals("100.0", fresh.typed());
        assertEquals("신규", fresh.computed());
        Finding gone = only(report.findingsAt(28, Column.CHANGE_RATE)); // 동단위계획형 지원사업: A = 0
        assertEquals(Finding.Level.INFO, gone.level());
        assertEquals("△100.0", gone.typed());
        assertEquals("폐지", gone.computed());
    }
}
