package kr.hamkke.budgetlines.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import kr.hamkke.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

class RiskPolicyTest {

    private static final LocalDate MAR_31_2021 = LocalDate.of(2021, 3, 31);
    private static final RiskPolicy DEFAULTS = RiskPolicy.DEFAULTS;

    private static long k(long thousands) {
        return thousands * 1000;
    }

    @Test
    void elapsedShareIsDaysOfTheYearWithAFloorOfOneTwelfth() {
        assertEquals(new YearShare(90, 365), YearShare.at(MAR_31_2021));
        assertEquals(new YearShare(181, 365), YearShare.at(LocalDate.of(2021, 6, 30)));
        assertEquals(new YearShare(182, 366), YearShare.at(LocalDate.of(2020, 6, 30)));
        assertEquals(new YearShare(1, 12), YearShare.at(LocalDate.of(2021, 1, 10)));
        assertEquals(new YearShare(365, 365), YearShare.at(LocalDate.of(2021, 12, 31)));
    }

    @Test
    void modelForecastOfTheBureauOn2021_03_31() {
        // 1,531,407천원 ÷ (90/365) = 6,210,706.1667천원 → 6,210,706,167원 (half-up, exact)
        ExecutionFigures bureau = ExecutionFigures.of(MAR_31_2021, k(12_346_984), k(2_061_715), k(1_531_407));
        assertEquals(6_210_706_167L, bureau.modelForecast());
        assertEquals("50.3", bureau.modelForecastRate().format());
        assertEquals("12.4", bureau.executionRate().format());
    }

    /**
     * §7.1 says the flags must catch the bureau at 12.4% on ’21.3.31, yet LAG cannot fire before f × 100 exceeds
     * 30 (about 20 April) and IDLE / FORECAST_GAP do not apply. SHORTFALL does: the model forecast, 50.3%, leaves
     * 49.7% of 예산현액 unspent, more than 30%.
     */
    @Test
    void bureauAt12_4PercentOn2021_03_31() {
        ExecutionFigures bureau = ExecutionFigures.of(MAR_31_2021, k(12_346_984), k(2_061_715), k(1_531_407));
        assertEquals(EnumSet.of(RiskFlag.SHORTFALL), DEFAULTS.evaluate(bureau));
        assertEquals(EnumSet.of(RiskFlag.FORECAST_GAP, RiskFlag.SHORTFALL),
                DEFAULTS.evaluate(bureau.withStatedForecast(k(12_346_984))));
        ExecutionFigures sameInJune = ExecutionFigures.of(LocalDate.of(2021, 6, 30), k(12_346_984), k(2_061_715),
                k(1_531_407));
        assertEquals(EnumSet.of(RiskFlag.LAG, RiskFlag.SHORTFALL), DEFAULTS.evaluate(sameInJune));
        // the three §7.1 flags alone would have said nothing on the day
        assertEquals(EnumSet.of(RiskFlag.SHORTFALL), DEFAULTS.withShortfallPercent(49).evaluate(bureau));
        assertEquals(Set.of(), DEFAULTS.withShortfallPercent(50).evaluate(bureau));
        assertEquals(EnumSet.of(RiskFlag.LAG, RiskFlag.SHORTFALL), DEFAULTS.withLagPoints(10).evaluate(bureau));
    }

    /** SHORTFALL waits for the first quarterly report: the same pace on 3.30 is not flagged. */
    @Test
    void shortfallFromMarch31() {
        ExecutionFigures dayBefore = ExecutionFigures.of(LocalDate.of(2021, 3, 30), k(12_346_984), k(2_061_715),
                k(1_531_407));
        assertEquals(Set.of(), DEFAULTS.evaluate(dayBefore));
        // exactly 30% left unspent is not a shortfall; one 원 more is (on 12.31 that is also LAG: f × 100 − 30 = 70)
        ExecutionFigures seventy = ExecutionFigures.of(LocalDate.of(2021, 12, 31), k(1_000), k(700), k(700));
        assertEquals(Set.of(), DEFAULTS.evaluate(seventy));
        ExecutionFigures below = ExecutionFigures.of(LocalDate.of(2021, 12, 31), k(1_000), k(700) - 1, k(700) - 1);
        assertEquals(EnumSet.of(RiskFlag.LAG, RiskFlag.SHORTFALL), DEFAULTS.evaluate(below));
        // committed money counts toward the model forecast: 70% committed, 10% spent on 9.30 is not a shortfall
        ExecutionFigures committed = ExecutionFigures.of(LocalDate.of(2021, 9, 30), k(1_000), k(700), k(100));
        assertTrue(!DEFAULTS.evaluate(committed).contains(RiskFlag.SHORTFALL));
    }

    /** 공유서울 확산: 242,500 committed, 22,800 spent of 1,004,500 on ’21.3.31 [seed 002:383]. */
    @Test
    void sharingSeoulCommittedButNotSpent() {
        ExecutionFigures line = ExecutionFigures.of(MAR_31_2021, k(1_004_500), k(242_500), k(22_800));
        assertEquals(k(242_500), line.modelForecast()); // committed dominates 22,800 ÷ f = 92,467
        assertEquals(EnumSet.of(RiskFlag.FORECAST_GAP, RiskFlag.SHORTFALL),
                DEFAULTS.evaluate(line.withStatedForecast(k(1_004_500))));
        ExecutionFigures sameInJuly = ExecutionFigures.of(LocalDate.of(2021, 7, 31), k(1_004_500), k(242_500), k(22_800));
        assertEquals(EnumSet.of(RiskFlag.LAG, RiskFlag.SHORTFALL), DEFAULTS.evaluate(sameInJuly));
    }

    /** 82.7% of the 협치 money unspent with one month left [seed 001:2673-2695]. */
    @Test
    void governanceMoneyUnspentWithOneMonthLeft() {
        ExecutionFigures line = ExecutionFigures.of(LocalDate.of(2017, 11, 30), k(1_000_000), k(300_000), k(173_000));
        assertEquals(EnumSet.of(RiskFlag.LAG, RiskFlag.SHORTFALL), DEFAULTS.evaluate(line));
    }

    @Test
    void idleOnlyAfterJune30() {
        ExecutionFigures onJune30 = ExecutionFigures.of(LocalDate.of(2018, 6, 30), k(60_000), 0, 0);
        assertTrue(!DEFAULTS.evaluate(onJune30).contains(RiskFlag.IDLE));
        ExecutionFigures onJuly1 = ExecutionFigures.of(LocalDate.of(2018, 7, 1), k(60_000), 0, 0);
        assertTrue(DEFAULTS.evaluate(onJuly1).contains(RiskFlag.IDLE));
    }

    /** 지하보도 공유공간 조성(시민참여): nothing committed on ’18.6.30 yet 100% forecast [seed 001:1527]. */
    @Test
    void statedFullForecastWithNothingCommitted() {
        ExecutionFigures line = ExecutionFigures.of(LocalDate.of(2018, 6, 30), k(60_000), 0, 0).withStatedForecast(k(60_000));
        assertEquals(0, line.modelForecast());
        // half the year gone with 0% spent is also LAG (0 < 49.6 − 30), and the model forecast is 0 (SHORTFALL)
        assertEquals(EnumSet.of(RiskFlag.LAG, RiskFlag.FORECAST_GAP, RiskFlag.SHORTFALL), DEFAULTS.evaluate(line));
    }

    @Test
    void onPaceLineHasNoFlags() {
        ExecutionFigures line = ExecutionFigures.of(LocalDate.of(2021, 9, 30), k(1_000_000), k(800_000), k(700_000))
                .withStatedForecast(k(1_000_000));
        assertEquals(Set.of(), DEFAULTS.evaluate(line));
    }

    /** One generated line: budget current in thousands 1..50,000,000, percentages 0..100, day of 2021 1..365. */
    private record Line(long current, int committedPct, int spentPctOfCommitted, int day) {
    }

    /** Formerly a jqwik {@code @Property} (default 1,000 tries); now 1,000 random lines plus 81 edge lines. */
    @Test
    void modelForecastStaysBetweenCommittedAndBudgetCurrent() {
        PropertyCheck.forAll("modelForecastStaysBetweenCommittedAndBudgetCurrent", 1000, edgeLines(),
                RiskPolicyTest::line, l -> {
                    long current = l.current();
                    long committed = current * l.committedPct() / 100 * 1000;
                    long spent = committed * l.spentPctOfCommitted() / 100;
                    ExecutionFigures f = ExecutionFigures.of(LocalDate.ofYearDay(2021, l.day()), current * 1000,
                            committed, spent);
                    long model = f.modelForecast();
                    assertTrue(model >= Math.min(committed, current * 1000) && model <= current * 1000,
                            "model " + model);
                    assertTrue(model >= spent, "model " + model);
                });
    }

    private static Line line(Random rnd) {
        return new Line(rnd.nextLong(1, 50_000_001), rnd.nextInt(0, 101), rnd.nextInt(0, 101), rnd.nextInt(1, 366));
    }

    /** Every combination of the ends of the ranges (and their neighbours), as jqwik's edge cases covered. */
    private static List<Line> edgeLines() {
        List<Line> lines = new ArrayList<>();
        for (long current : new long[] {1, 2, 50_000_000})
            for (int committedPct : new int[] {0, 1, 100})
                for (int spentPct : new int[] {0, 1, 100})
                    for (int day : new int[] {1, 2, 365}) lines.add(new Line(current, committedPct, spentPct, day));
        return lines;
    }
}
