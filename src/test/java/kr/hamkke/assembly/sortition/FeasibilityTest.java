package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeasibilityTest {

    private static Pool pool() {
        List<Applicant> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add(new Applicant("C" + i, i < 4 ? "20s" : "40s", i % 2 == 0 ? "F" : "M", i < 10 ? "11110" : "11140",
                    i == 0 ? Set.of("YOUTH") : Set.of()));
        }
        return new Pool(list);
    }

    private static List<String> problems(int seats, Quota... rows) {
        return Feasibility.problems(pool(), new QuotaTable(seats, 0, AgeBandSet.STANDARD_7, List.of(rows)));
    }

    @Test
    void feasibleTableHasNoProblems() {
        assertEquals(List.of(), problems(10, Quota.range(Dimension.GENDER, "F", 5, 5), Quota.range(Dimension.GU, "11110", 3, 7)));
    }

    @Test
    void minAboveMax() {
        assertEquals(List.of("gender=F: min 6 is above max 4"), problems(10, Quota.range(Dimension.GENDER, "F", 6, 4)));
    }

    @Test
    void minAbovePoolCount() {
        assertEquals(List.of("age_band=20s: needs at least 5 but the pool has only 4 such applicants"),
                problems(10, Quota.range(Dimension.AGE_BAND, "20s", 5, 8)));
    }

    @Test
    void prioritySeatsAbovePoolCount() {
        assertEquals(List.of("seat_category=YOUTH: needs at least 2 but the pool has only 1 such applicants"),
                problems(10, new Quota(Dimension.SEAT_CATEGORY, "YOUTH", 0, Quota.NO_MAX, 2)));
    }

    @Test
    void minimumsAboveSeats() {
        assertTrue(problems(10, Quota.range(Dimension.GU, "11110", 6, 10), Quota.range(Dimension.GU, "11140", 6, 10))
                .contains("the gu minimums add up to 12, more than the 10 seats"));
    }

    @Test
    void maximaTooSmallToFillSeats() {
        assertEquals(List.of("the gender maxima (capped by the pool counts) allow at most 8 of the 10 seats to be filled"),
                problems(10, Quota.range(Dimension.GENDER, "F", 0, 4), Quota.range(Dimension.GENDER, "M", 0, 4)));
    }

    @Test
    void poolSmallerThanSeatsAndUnknownBand() {
        List<String> p = Feasibility.problems(pool(), new QuotaTable(25, 0, AgeBandSet.PB_3, List.of()));
        assertTrue(p.contains("the pool has 20 applicants, fewer than the 25 seats"));
        assertTrue(p.stream().anyMatch(s -> s.startsWith("applicant C0: age band '20s' is not a band of PB_3")));
    }

    @Test
    void drawRefusesAProvablyInfeasibleTable() {
        QuotaTable t = new QuotaTable(10, 0, AgeBandSet.STANDARD_7, List.of(Quota.range(Dimension.GENDER, "F", 6, 4)));
        var e = assertThrows(InfeasibleQuotasException.class, () -> SortitionEngine.draw(pool(), t, Instances.seed("a")));
        assertEquals(List.of("gender=F: min 6 is above max 4"), e.problems());
    }

    @Test
    void jointlyInfeasibleQuotasAreReportedAsShortfalls() {
        // each check passes alone, but F members are all in 11110 and 11110 may hold only 2
        List<Applicant> list = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            list.add(new Applicant("F" + i, "30s", "F", "11110"));
            list.add(new Applicant("M" + i, "30s", "M", "11140"));
        }
        QuotaTable t = new QuotaTable(6, 0, AgeBandSet.STANDARD_7, List.of(
                Quota.range(Dimension.GENDER, "F", 3, 3), Quota.range(Dimension.GU, "11110", 0, 2)));
        assertEquals(List.of(), Feasibility.problems(new Pool(list), t));
        DrawResult d = SortitionEngine.draw(new Pool(list), t, Instances.seed("b"));
        assertEquals("UNSATISFIED", d.panelMethod());
        assertEquals(List.of("gender=F"), d.shortfalls().stream().map(Shortfall::quota).toList());
        assertEquals(2, d.shortfalls().getFirst().drawn());
        // maxima are never broken, even when a minimum is unmet
        assertEquals(2, d.selected().stream().filter(a -> a.guCode().equals("11110")).count());
    }
}
