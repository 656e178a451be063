package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SortitionPropertiesTest {

    @Property(tries = 300)
    void meetsEveryQuotaOnFeasibleInstances(@ForAll long instance, @ForAll @IntRange(min = 0, max = 2) int slack,
            @ForAll @IntRange(min = 2, max = 8) int gus) {
        Random rnd = new Random(instance);
        AgeBandSet set = rnd.nextBoolean() ? AgeBandSet.STANDARD_7 : AgeBandSet.PB_3;
        int n = 20 + rnd.nextInt(300);
        int seats = 1 + rnd.nextInt(Math.max(1, n / 3));
        Pool pool = Instances.randomPool(rnd, n, gus, set, rnd.nextDouble() * 0.2);
        QuotaTable quotas = Instances.feasibleQuotas(rnd, pool, seats, set, slack);

        assertEquals(List.of(), Feasibility.problems(pool, quotas), "pre-check must accept a feasible instance");
        DrawResult draw = SortitionEngine.draw(pool, quotas, Instances.seed("s" + instance));
        assertEquals(List.of(), draw.shortfalls());
        Instances.assertMeetsQuotas(draw.selected(), quotas);
        assertEquals(seats, new HashSet<>(draw.selectedCodes()).size());
    }

    @Property(tries = 60)
    void sameInputsGiveTheSamePanelAndReserves(@ForAll long instance) {
        Random rnd = new Random(instance);
        Pool pool = Instances.randomPool(rnd, 200, 5, AgeBandSet.STANDARD_7, 0.05);
        QuotaTable quotas = Instances.feasibleQuotas(rnd, pool, 30, AgeBandSet.STANDARD_7, 2).withSeats(30, 15);
        DrawResult a = SortitionEngine.draw(pool, quotas, Instances.seed("x" + instance));
        DrawResult b = SortitionEngine.draw(new Pool(pool.applicants().reversed()), quotas, Instances.seed("x" + instance));
        assertEquals(a, b);
        DrawResult c = SortitionEngine.draw(pool, quotas, Instances.seed("y" + instance));
        assertNotEquals(a.selectedCodes(), c.selectedCodes());
    }

    @Property(tries = 100)
    void panelAndReservesAreDisjointAndRanked(@ForAll long instance) {
        Random rnd = new Random(instance);
        Pool pool = Instances.randomPool(rnd, 150, 4, AgeBandSet.PB_3, 0.1);
        QuotaTable quotas = Instances.feasibleQuotas(rnd, pool, 20, AgeBandSet.PB_3, 2).withSeats(20, 10);
        CommitReveal.Seed seed = Instances.seed("r" + instance);
        DrawResult draw = SortitionEngine.draw(pool, quotas, seed);
        var both = new HashSet<>(draw.selectedCodes());
        draw.reserveCodes().forEach(code -> assertTrue(both.add(code), "reserve " + code + " is also a member"));
        assertRankOrder(draw.selectedCodes(), seed);
        assertRankOrder(draw.reserveCodes(), seed);
        assertTrue(draw.reserves().size() <= 10);
    }

    static void assertRankOrder(List<String> codes, CommitReveal.Seed seed) {
        for (int i = 1; i < codes.size(); i++) {
            byte[] prev = Ranking.hmac(seed, codes.get(i - 1));
            byte[] cur = Ranking.hmac(seed, codes.get(i));
            assertTrue(java.util.Arrays.compareUnsigned(prev, cur) < 0, "not in HMAC order at " + i);
        }
    }
}
