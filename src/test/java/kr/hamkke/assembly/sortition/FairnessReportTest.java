package kr.hamkke.assembly.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FairnessReportTest {

    @Test
    void empiricalProbabilitiesAddUpToTheSeatsAndAreEvenWithinStrata() {
        Random rnd = new Random(5);
        Pool pool = Instances.randomPool(rnd, 300, 4, AgeBandSet.PB_3, 0.0);
        QuotaTable quotas = Instances.feasibleQuotas(rnd, pool, 40, AgeBandSet.PB_3, 1);
        int n = 1000;
        List<FairnessReport.StratumLine> lines = FairnessReport.empirical(pool, quotas, Instances.seed("f"), n);
        double expectedSeats = lines.stream().mapToDouble(l -> l.probability() * l.pool()).sum();
        assertEquals(40.0, expectedSeats, 1e-9);
        for (FairnessReport.StratumLine l : lines) {
            assertTrue(l.minIndividual() <= l.probability() && l.probability() <= l.maxIndividual());
            if (l.pool() >= 5 && l.probability() > 0.05 && l.probability() < 0.95) {
                // applicants of one stratum are exchangeable: individual frequencies differ only by sampling noise
                double sd = Math.sqrt(l.probability() * (1 - l.probability()) / n);
                assertTrue(l.maxIndividual() - l.minIndividual() < 10 * sd, l.toString());
            }
        }
    }

    @Test
    void categoryReportCountsPoolSeatsAndReserves() {
        Random rnd = new Random(9);
        Pool pool = Instances.randomPool(rnd, 120, 3, AgeBandSet.STANDARD_7, 0.1);
        QuotaTable quotas = Instances.feasibleQuotas(rnd, pool, 20, AgeBandSet.STANDARD_7, 2).withSeats(20, 10);
        DrawResult d = SortitionEngine.draw(pool, quotas, Instances.seed("c"));
        var lines = FairnessReport.categories(pool, d, PopulationTable.seoul());
        int genderPool = lines.stream().filter(l -> l.dimension() == Dimension.GENDER).mapToInt(FairnessReport.CategoryLine::pool).sum();
        int genderSeats = lines.stream().filter(l -> l.dimension() == Dimension.GENDER).mapToInt(FairnessReport.CategoryLine::seats).sum();
        int guReserves = lines.stream().filter(l -> l.dimension() == Dimension.GU).mapToInt(FairnessReport.CategoryLine::reserves).sum();
        assertEquals(120, genderPool);
        assertEquals(20, genderSeats);
        assertEquals(d.reserves().size(), guReserves);
    }
}
