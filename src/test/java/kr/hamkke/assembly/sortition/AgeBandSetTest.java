package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeBandSetTest {
    static final LocalDate CLOSING = LocalDate.of(2026, 5, 31);

    @ParameterizedTest(name = "born {0} → {1} / {2}")
    @CsvSource({
        "2012-05-31, 14-19, 14-39",  // 14th birthday on the closing date counts
        "2006-05-31, 20s, 14-39",    // 20th birthday on the closing date
        "2006-06-01, 14-19, 14-39",  // turns 20 the day after
        "1986-05-31, 40s, 40-59",
        "1986-06-01, 30s, 14-39",    // 39 until tomorrow
        "1966-05-31, 60s, 60+",
        "1966-06-01, 50s, 40-59",
        "1956-05-31, 70+, 60+",
        "1956-06-01, 60s, 60+",
        "1926-01-01, 70+, 60+"
    })
    void bandOnTheClosingDate(LocalDate birth, String standard, String pb) {
        assertEquals(standard, AgeBandSet.STANDARD_7.bandFor(birth, CLOSING));
        assertEquals(pb, AgeBandSet.PB_3.bandFor(birth, CLOSING));
    }

    @ParameterizedTest
    @CsvSource({"2012-06-01", "2020-01-01"})
    void under14IsRejected(LocalDate birth) {
        assertThrows(IllegalArgumentException.class, () -> AgeBandSet.STANDARD_7.bandFor(birth, CLOSING));
    }

    @ParameterizedTest(name = "29 Feb {0} on {1} → age {2}")
    @CsvSource({"2008-02-29, 2027-02-28, 18", "2008-02-29, 2027-03-01, 19", "2008-02-29, 2028-02-29, 20"})
    void leapDayBirthdays(LocalDate birth, LocalDate reference, int age) {
        assertEquals(age, AgeBandSet.ageOn(birth, reference));
    }

    @org.junit.jupiter.api.Test
    void birthAfterReferenceIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> AgeBandSet.ageOn(CLOSING.plusDays(1), CLOSING));
    }
}
