package kr.hamkke.budgetlines.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import kr.hamkke.testing.PropertyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "-28916456000; △28,916,456",
            "48912754000; 48,912,754",
            "0; 0",
            "17820000; 17,820",
            "1000; 1",
            "-999000; △999"})
    void formatsThousandWonWithSeparatorsAndTriangle(long won, String printed) {
        assertEquals(printed, Amounts.formatThousandWon(won));
        assertEquals(won, Amounts.parse(printed, AmountUnit.THOUSAND_WON));
    }

    @Test
    void millionWonTablesScaleByOneMillion() {
        assertEquals(4_252_000_000L, Amounts.parse("4,252", AmountUnit.MILLION_WON));
        assertEquals("4,252", Amounts.format(4_252_000_000L, AmountUnit.MILLION_WON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"211,1000", "67.650", "5103,640", "-1,000", "1,00", ",100", "1,000,", "△", "", "１,000",
            "100천원", "1 000"})
    void rejectsAnythingButStrictSyntax(String typed) {
        assertFalse(Amounts.isWellFormed(typed));
        assertThrows(IllegalArgumentException.class, () -> Amounts.parse(typed, AmountUnit.THOUSAND_WON));
    }

    @Test
    void refusesToFormatAmountsThatAreNotWholeThousands() {
        assertThrows(IllegalArgumentException.class, () -> Amounts.formatThousandWon(1_500));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "569000000; 5억 6,900만 원",
            "15675400000; 156억 7,540만 원",
            "50000000; 5,000만 원",
            "100000000; 1억 원",
            "1000; 1,000 원",
            "12345678000; 123억 4,567만 8,000 원",
            "0; 0 원",
            "-569000000; -5억 6,900만 원"})
    void citizenDisplayInEokAndMan(long won, String shown) {
        assertEquals(shown, Amounts.formatForCitizens(won));
    }

    private static final long MAX_THOUSANDS = 9_000_000_000_000L;

    /** Formerly a jqwik {@code @Property} (default 1,000 tries) over {@code @LongRange(±9e12)}. */
    @Test
    void formattingThenParsingIsIdentity() {
        PropertyCheck.forAll("formattingThenParsingIsIdentity", 1000, thousandsEdgeCases(), AmountsTest::thousands,
                thousands -> {
                    long won = thousands * 1000;
                    String printed = Amounts.formatThousandWon(won);
                    assertTrue(Amounts.isWellFormed(printed), printed);
                    assertEquals(won, Amounts.parse(printed, AmountUnit.THOUSAND_WON));
                });
    }

    private static List<Long> thousandsEdgeCases() {
        return List.of(-MAX_THOUSANDS, -MAX_THOUSANDS + 1, -1_000L, -999L, -1L, 0L, 1L, 999L, 1_000L,
                MAX_THOUSANDS - 1, MAX_THOUSANDS);
    }

    /** Uniform in [-9e12, 9e12], with one in four drawn from a small range so short numbers are covered too. */
    private static long thousands(Random rnd) {
        long bound = rnd.nextInt(4) == 0 ? 1_000_000L : MAX_THOUSANDS;
        return rnd.nextLong(-bound, bound + 1);
    }
}
