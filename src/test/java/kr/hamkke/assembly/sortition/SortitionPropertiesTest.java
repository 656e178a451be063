package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import kr.hamkke.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

/** Formerly jqwik properties; the same number of random tries per property, plus explicit edge cases. */
class SortitionPropertiesTest {

    /** Instance seeds jqwik tried first for {@code @ForAll long}: zero, ±1 and the extremes. */
    private static final List<Long> EDGE_INSTANCES = List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);

    /** One feasible-instance shape: the seed of its random pool, quota slack 0..2, and 2..8 districts. */
    private record Shape(long instance, int slack, int gus) {
    }

    @Test
    void meetsEveryQuotaOnFeasibleInstances() {
        PropertyCheck.forAll("meetsEveryQuotaOnFeasibleInstances", 300, edgeShapes(),
                SortitionPropertiesTest::shape, shape -> meetsEveryQuota(shape.instance(), shape.slack(), shape.gus()));
    }

    private static void meetsEveryQuota(long instance, int slack, int gus) {
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

    @Test
    void sameInputsGiveTheSamePanelAndReserves() {
        PropertyCheck.forAll("sameInputsGiveTheSamePanelAndReserves", 60, EDGE_INSTANCES,
                SortitionPropertiesTest::instance, instance -> {
                    Random rnd = new Random(instance);
                    Pool pool = Instances.randomPool(rnd, 200, 5, AgeBandSet.STANDARD_7, 0.05);
                    QuotaTable quotas = Instances.feasibleQuotas(rnd, pool, 30, AgeBandSet.STANDARD_7, 2)
                            .withSeats(30, 15);
                    DrawResult a = SortitionEngine.draw(pool, quotas, Instances.seed("x" + instance));
                    DrawResult b = SortitionEngine.draw(new Pool(pool.applicants().reversed()), quotas,
                            Instances.seed("x" + instance));
                    assertEquals(a, b);
                    DrawResult c = SortitionEngine.draw(pool, quotas, Instances.seed("y" + instance));
                    assertNotEquals(a.selectedCodes(), c.selectedCodes());
                });
    }

    @Test
    void panelAndReservesAreDisjointAndRanked() {
        PropertyCheck.forAll("panelAndReservesAreDisjointAndRanked", 100, EDGE_INSTANCES,
                SortitionPropertiesTest::instance, instance -> {
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
                });
    }

    /** Any long, as {@code @ForAll long}; one in eight is small, where jqwik's generation concentrated. */
    private static long instance(Random rnd) {
        return rnd.nextInt(8) == 0 ? rnd.nextLong(-1000, 1001) : rnd.nextLong();
    }

    private static Shape shape(Random rnd) {
        return new Shape(instance(rnd), rnd.nextInt(0, 3), rnd.nextInt(2, 9));
    }

    /** The ends of the slack and district ranges, each with a few edge instance seeds. */
    private static List<Shape> edgeShapes() {
        List<Shape> shapes = new ArrayList<>();
        for (int slack : new int[] {0, 2})
            for (int gus : new int[] {2, 8})
                for (long instance : List.of(0L, Long.MIN_VALUE, Long.MAX_VALUE)) shapes.add(new Shape(instance, slack, gus));
        return shapes;
    }

    static void assertRankOrder(List<String> codes, CommitReveal.Seed seed) {
        for (int i = 1; i < codes.size(); i++) {
            byte[] prev = Ranking.hmac(seed, codes.get(i - 1));
            byte[] cur = Ranking.hmac(seed, codes.get(i));
            assertTrue(java.util.Arrays.compareUnsigned(prev, cur) < 0, "not in HMAC order at " + i);
        }
    }
}
