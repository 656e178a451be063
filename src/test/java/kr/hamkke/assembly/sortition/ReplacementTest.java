package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplacementTest {
    static final Applicant FREED = new Applicant("M1", "20s", "F", "11110");
    static final Applicant M2 = new Applicant("M2", "30s", "M", "11140");
    static final Applicant M3 = new Applicant("M3", "40s", "M", "11440");
    static final Applicant R_OTHER = new Applicant("R1", "60s", "M", "11140");
    static final Applicant R_AGE_GENDER = new Applicant("R2", "20s", "F", "11140");
    static final Applicant R_SAME = new Applicant("R3", "20s", "F", "11110");

    static final QuotaTable QUOTAS = new QuotaTable(3, 3, AgeBandSet.STANDARD_7, List.of(
            Quota.range(Dimension.GU, "11140", 0, 2), Quota.range(Dimension.GENDER, "M", 0, 2)));

    private static DrawResult draw(Applicant... reserves) {
        return new DrawResult("v", "p", "q", "s", QUOTAS, List.of(FREED, M2, M3), List.of(reserves), "GREEDY", "GREEDY", List.of());
    }

    private static Optional<Replacement.Choice> pick(DrawResult d, Set<String> used) {
        return Replacement.pick(d, Set.of("M2", "M3"), "M1", used);
    }

    @Test
    void sameStratumBeatsBetterRankedReserves() {
        var c = pick(draw(R_OTHER, R_AGE_GENDER, R_SAME), Set.of()).orElseThrow();
        assertEquals("R3", c.reserve().code());
        assertEquals(3, c.reserveRank());
        assertEquals(Replacement.Match.SAME_STRATUM, c.match());
    }

    @Test
    void thenSameAgeBandAndGender() {
        var c = pick(draw(R_OTHER, R_AGE_GENDER, R_SAME), Set.of("R3")).orElseThrow();
        assertEquals("R2", c.reserve().code());
        assertEquals(Replacement.Match.SAME_AGE_BAND_AND_GENDER, c.match());
    }

    @Test
    void thenTheFirstReserveWhoBreaksNoMaximum() {
        Applicant maleElsewhere = new Applicant("R4", "70+", "M", "11680");
        Applicant womanElsewhere = new Applicant("R5", "70+", "F", "11680");
        // men are at their maximum of 2 (M2, M3): R1 and R4 would break it
        var c = pick(draw(R_OTHER, maleElsewhere, womanElsewhere), Set.of()).orElseThrow();
        assertEquals("R5", c.reserve().code());
        assertEquals(Replacement.Match.ANY_WITHIN_MAXIMA, c.match());
    }

    @Test
    void sameAgeAndGenderStillMayNotBreakAMaximum() {
        DrawResult d = new DrawResult("v", "p", "q", "s", QUOTAS,
                List.of(FREED, M2, new Applicant("M4", "50s", "F", "11140")), List.of(R_AGE_GENDER), "GREEDY", "GREEDY", List.of());
        // 11140 already holds M2 and M4 = its maximum, so R2 (11140) cannot come in
        assertTrue(Replacement.pick(d, Set.of("M2", "M4"), "M1", Set.of()).isEmpty());
    }

    @Test
    void promotedReservesAreSkipped() {
        assertTrue(pick(draw(R_SAME), Set.of("R3")).isEmpty());
    }
}
