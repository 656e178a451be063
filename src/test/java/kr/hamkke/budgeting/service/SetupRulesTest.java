package kr.hamkke.budgeting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import kr.hamkke.budgeting.service.CycleService.TrackSpec;
import org.junit.jupiter.api.Test;

/** The plain rules behind the staff set-up screens: a cycle's calendar and a track's settings. */
class SetupRulesTest {

    static final LocalDate D = LocalDate.of(2027, 3, 1);

    static Map<PhaseKind, LocalDate[]> oneDayEach(PhaseKind... kinds) {
        Map<PhaseKind, LocalDate[]> m = new EnumMap<>(PhaseKind.class);
        for (int i = 0; i < kinds.length; i++) {
            m.put(kinds[i], new LocalDate[] {D.plusDays(i), D.plusDays(i)});
        }
        return m;
    }

    @Test
    void aCalendarWithIntakeVoteAndCountInOrderIsValid() {
        assertTrue(PhaseSchedule.problems(oneDayEach(PhaseKind.SUBMISSION, PhaseKind.VOTING, PhaseKind.TALLY)).isEmpty());
        assertTrue(PhaseSchedule.problems(oneDayEach(PhaseKind.values())).isEmpty());
    }

    @Test
    void requiredPhasesMustBeThere() {
        Map<PhaseKind, String> p = PhaseSchedule.problems(oneDayEach(PhaseKind.SUBMISSION, PhaseKind.TALLY));
        assertEquals(Map.of(PhaseKind.VOTING, "missing"), p);
    }

    @Test
    void halfFilledPhaseIsMissing() {
        Map<PhaseKind, LocalDate[]> m = oneDayEach(PhaseKind.SUBMISSION, PhaseKind.VOTING, PhaseKind.TALLY);
        m.put(PhaseKind.AGENDA, new LocalDate[] {D.minusDays(5), null});
        assertEquals(Map.of(PhaseKind.AGENDA, "missing"), PhaseSchedule.problems(m));
    }

    @Test
    void aPhaseCannotEndBeforeItStarts() {
        Map<PhaseKind, LocalDate[]> m = oneDayEach(PhaseKind.SUBMISSION, PhaseKind.VOTING, PhaseKind.TALLY);
        m.put(PhaseKind.VOTING, new LocalDate[] {D.plusDays(1), D});
        assertEquals("order", PhaseSchedule.problems(m).get(PhaseKind.VOTING));
    }

    @Test
    void phasesMayNotOverlapOrRunOutOfOrder() {
        Map<PhaseKind, LocalDate[]> m = oneDayEach(PhaseKind.SUBMISSION, PhaseKind.VOTING, PhaseKind.TALLY);
        m.put(PhaseKind.TALLY, new LocalDate[] {D.plusDays(1), D.plusDays(3)}); // starts on the voting day
        assertEquals(Map.of(PhaseKind.TALLY, "overlap"), PhaseSchedule.problems(m));
        Map<PhaseKind, LocalDate[]> reversed = oneDayEach(PhaseKind.SUBMISSION, PhaseKind.VOTING, PhaseKind.TALLY);
        reversed.put(PhaseKind.SUBMISSION, new LocalDate[] {D.plusDays(10), D.plusDays(11)}); // intake after the count
        assertEquals(Map.of(PhaseKind.VOTING, "overlap"), PhaseSchedule.problems(reversed), "each phase is checked against the one before");
        Map<PhaseKind, LocalDate[]> adjacent = oneDayEach(PhaseKind.SUBMISSION, PhaseKind.VOTING, PhaseKind.TALLY);
        assertTrue(PhaseSchedule.problems(adjacent).isEmpty(), "back-to-back days are fine");
    }

    static TrackSpec spec(String code, String scope, String unit, long envelope, String rule, int maxPicks, int param, String allocation) {
        return new TrackSpec(code, "생활 공원", "Parks", scope, unit, envelope, null, null, rule, maxPicks, param, allocation, "OPEN_CALL");
    }

    @Test
    void aValidCityTrack() {
        assertTrue(TrackRules.problems(spec("ZW", "CITY", null, 2_000_000_000L, "APPROVAL", 3, 0, "GREEDY")).isEmpty());
        assertTrue(TrackRules.problems(spec("MAPO", "GU", "11440", 500_000_000L, "KNAPSACK", 8, 80, "MES")).isEmpty());
        assertTrue(TrackRules.problems(spec("D1", "DONG", "11440690", 50_000_000L, "CUMULATIVE", 5, 10, "GREEDY")).isEmpty());
    }

    @Test
    void eachBadSettingIsNamedByItsField() {
        assertEquals("code", TrackRules.problems(spec("zw", "CITY", null, 1, "APPROVAL", 3, 0, "GREEDY")).get("code"));
        assertEquals("scopeUnit", TrackRules.problems(spec("A", "GU", null, 1, "APPROVAL", 3, 0, "GREEDY")).get("scopeUnit"));
        assertEquals("scopeUnit", TrackRules.problems(spec("A", "GU", "26110", 1, "APPROVAL", 3, 0, "GREEDY")).get("scopeUnit"),
                "a 부산 code is not a Seoul 자치구");
        assertEquals("scopeUnit.city", TrackRules.problems(spec("A", "CITY", "11440", 1, "APPROVAL", 3, 0, "GREEDY")).get("scopeUnit"));
        assertEquals("envelope", TrackRules.problems(spec("A", "CITY", null, 0, "APPROVAL", 3, 0, "GREEDY")).get("envelope"));
        assertEquals("envelope", TrackRules.problems(spec("A", "CITY", null, TrackRules.MAX_ENVELOPE_WON + 1, "APPROVAL", 3, 0, "GREEDY"))
                .get("envelope"));
        assertEquals("maxPicks", TrackRules.problems(spec("A", "CITY", null, 1, "APPROVAL", 0, 0, "GREEDY")).get("maxPicks"));
        assertEquals("ruleParam.APPROVAL", TrackRules.problems(spec("A", "CITY", null, 1, "APPROVAL", 3, 5, "GREEDY")).get("ruleParam"));
        assertEquals("ruleParam.KNAPSACK", TrackRules.problems(spec("A", "CITY", null, 1, "KNAPSACK", 3, 101, "GREEDY")).get("ruleParam"));
        assertEquals("ruleParam.CUMULATIVE", TrackRules.problems(spec("A", "CITY", null, 1, "CUMULATIVE", 3, 0, "GREEDY")).get("ruleParam"));
        assertEquals("ballotRule", TrackRules.problems(spec("A", "CITY", null, 1, "RANKED", 3, 0, "GREEDY")).get("ballotRule"));
        assertEquals("allocation", TrackRules.problems(spec("A", "CITY", null, 1, "APPROVAL", 3, 0, "BORDA")).get("allocation"));
    }
}
