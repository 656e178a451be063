package kr.hamkke.budgeting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kr.hamkke.shared.Rational;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    @Test
    void korean_won_formatting() {
        assertEquals("3억 원", KoreanWon.format(300_000_000L));
        assertEquals("1억 2,000만 원", KoreanWon.format(120_000_000L));
        assertEquals("24,917원", KoreanWon.format(24_917L));
        assertEquals("50,000원", KoreanWon.format(50_000L));
        assertEquals("1억 2,345만 6,789원", KoreanWon.format(123_456_789L));
        assertEquals("1,234억 원", KoreanWon.format(123_400_000_000L));
        assertEquals("0원", KoreanWon.format(0L));
        assertEquals("24,917원", KoreanWon.format(Rational.parse("24916.5")));
    }

    @Test
    void greedy_sentences() {
        // Budget 5억: a (3억, 3 votes) selected with 5억 left; b (3억, 2 votes) skipped with 2억 left; c (1억) fits.
        TallyInstance e = SmallExamplesTest.election(500_000_000L, "a:300000000 b:300000000 c:100000000",
                "a", "a", "a,b", "b", "c");
        var sentences = Explanations.of(Greedy.run(e, Satisfaction.COST));
        assertEquals("1위, 사업비 3억 원이 남은 예산 5억 원 이내라 선정", sentences.get("a"));
        assertEquals("2위, 남은 예산 2억 원 < 사업비 3억 원이라 미선정", sentences.get("b"));
        assertEquals("3위, 사업비 1억 원이 남은 예산 2억 원 이내라 선정", sentences.get("c"));
    }

    @Test
    void mes_sentences() {
        // 4 voters hold 3만 each (budget 12만). a (6만) shared by 3: 2만 each. b (6만): one supporter holds 3만.
        TallyInstance e = SmallExamplesTest.election(120_000L, "a:60000 b:60000 c:30000", "a", "a", "a", "b,c");
        var sentences = Explanations.of(EqualShares.run(e, Satisfaction.COST));
        assertEquals("MES: 지지자 3명이 1인당 최대 20,000원씩 분담", sentences.get("a"));
        assertEquals("MES: 지지자 1명이 1인당 최대 30,000원씩 분담", sentences.get("c"));
        assertEquals("MES: 지지자 1명에게 남은 돈 30,000원 < 사업비 60,000원이라 미선정", sentences.get("b"));
    }
}
