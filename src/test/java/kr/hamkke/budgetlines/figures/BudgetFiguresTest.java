package kr.hamkke.budgetlines.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetFiguresTest {

    private static long k(long thousands) {
        return thousands * 1000;
    }

    @Test
    void budgetCurrentIsFinalPlusCarriedOver() {
        // [seed 002:409] ’21년 예산현액 12,346,984 = 예산 12,099,481 + 사고이월액 247,503
        assertEquals(k(12_346_984), BudgetFigures.budgetCurrent(k(12_099_481), k(247_503)));
        // 서울혁신파크 조성사업 443,497 + 이월 200,000 = 643,497 [seed 002:367]
        assertEquals(k(643_497), BudgetFigures.budgetCurrent(k(443_497), k(200_000)));
    }

    /** Correct rows of the FY2022 plan [seed 004:1054-1173], DOMAIN §10.5. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "48912754; 77829210; △28,916,456; △37.2",
            "790300; 629200; 161,100; 25.6",
            "214411; 235479; △21,068; △8.9",
            "512502; 872846; △360,344; △41.3",
            "408970; 486970; △78,000; △16.0",
            "160000; 170000; △10,000; △5.9",
            "15675400; 22450000; △6,774,600; △30.2",
            "2128820; 2111000; 17,820; 0.8",
            "21425639; 30469067; △9,043,428; △29.7"})
    void changeAndChangeRateMatchTheReports(long a, long b, String change, String rate) {
        assertEquals(change, Amounts.formatThousandWon(BudgetFigures.change(k(a), k(b))));
        ChangeRate cr = BudgetFigures.changeRate(k(a), k(b));
        assertEquals(ChangeRate.Kind.RATE, cr.kind());
        assertEquals(rate, cr.display());
    }

    @Test
    void newAndAbolishedInsteadOf100() {
        ChangeRate fresh = BudgetFigures.changeRate(k(100_000), 0);
        assertEquals(ChangeRate.Kind.NEW, fresh.kind());
        assertEquals("신규", fresh.display());
        ChangeRate gone = BudgetFigures.changeRate(0, k(3_750_719));
        assertEquals(ChangeRate.Kind.ABOLISHED, gone.kind());
        assertEquals("폐지", gone.display());
        assertEquals(new BigDecimal("-100.0"), gone.rate().percent());
        assertEquals(ChangeRate.Kind.NONE, BudgetFigures.changeRate(0, 0).kind());
    }

    @Test
    void integerPrecisionFor2018Tables() {
        // 사회혁신담당관 2018: 10,492,518 / 21,985,422 = 47.7% → 48%, 10,175,952 → 46%
        assertEquals(new BigDecimal("48"), BudgetFigures.commitmentRate(k(10_492_518), k(21_985_422), 0).percent());
        assertEquals(new BigDecimal("46"), BudgetFigures.executionRate(k(10_175_952), k(21_985_422), 0).percent());
        assertEquals("48%", BudgetFigures.commitmentRate(k(10_492_518), k(21_985_422), 0).formatPercent());
    }

    @Test
    void executionRatesOfTheBureauOn2021_03_31() {
        // [seed 002:357] 서울혁신기획관: 1,531,407 / 12,346,984 = 12.4; 원인행위 2,061,715 → 16.7
        assertEquals("12.4", BudgetFigures.executionRate(k(1_531_407), k(12_346_984)).format());
        assertEquals("16.7", BudgetFigures.commitmentRate(k(2_061_715), k(12_346_984)).format());
        assertEquals("2.3", BudgetFigures.executionRate(k(22_800), k(1_004_500)).format());
        assertNull(BudgetFigures.executionRate(0, 0));
    }

    @Test
    void halfUpAwayFromZero() {
        assertEquals("0.1", Rate.of(5, 10_000).format());      // 0.05 → 0.1
        assertEquals("△0.1", Rate.of(-5, 10_000).format());    // −0.05 → △0.1
        assertEquals("34.0", Rate.of(17_327, 51_000).format()); // T7: printed 33.9
    }
}
