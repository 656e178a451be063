package kr.hamkke.assembly.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Draw: 100,000 applicants over 25 자치구 × 7 bands × 2 genders, 1,000 seats (+ 200 reserves).
 * Also 1,000 seats (+ 200 reserves) from 10,000 applicants (DOMAIN §9), and the fairness report: 1,000 re-draws of
 * 1,000 seats from 10,000 applicants. Baselines: HMAC ranking of the same pool alone.
 * Run: {@code bench/jmh.sh SortitionBenchmark -f 1 -wi 1 -i 3}; figures in docs/perf/sortition.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class SortitionBenchmark {

    /** A pool drawn from the population table, skewed like real calls: the young apply less, some 구 more. */
    static Pool seoulPool(int n, long seed) {
        PopulationTable pop = PopulationTable.seoul();
        Random rnd = new Random(seed);
        long total = pop.total();
        List<PopulationTable.Cell> cells = pop.cells();
        List<Applicant> list = new ArrayList<>(n);
        while (list.size() < n) {
            long x = (long) (rnd.nextDouble() * total);
            for (PopulationTable.Cell c : cells) {
                x -= c.population();
                if (x < 0) {
                    boolean young = c.ageBand().equals("14-19") || c.ageBand().equals("20s");
                    boolean south = c.guCode().compareTo("11650") >= 0;
                    double keep = (young ? 0.6 : 1.0) * (south ? 1.0 : 0.85);
                    if (rnd.nextDouble() < keep) {
                        list.add(new Applicant(String.format("%08X", list.size() * 2654435761L & 0xFFFFFFFFL),
                                c.ageBand(), c.gender(), c.guCode()));
                    }
                    break;
                }
            }
        }
        return new Pool(list);
    }

    /** Tighter table: exact 500/500 gender and age bands pinned to ± 2 seats of population share. */
    static QuotaTable tightQuotas(int seats) {
        PopulationTable pop = PopulationTable.seoul();
        List<Quota> rows = new ArrayList<>();
        rows.add(Quota.range(Dimension.GENDER, "F", seats / 2, seats / 2));
        rows.add(Quota.range(Dimension.GENDER, "M", seats / 2, seats / 2));
        for (Quota q : QuotaBuilders.proportional(pop, Dimension.AGE_BAND, seats, 0)) {
            rows.add(Quota.range(Dimension.AGE_BAND, q.category(), Math.max(0, q.min() - 2), q.max() + 2));
        }
        rows.addAll(QuotaBuilders.proportional(pop, Dimension.GU, seats, 10));
        return new QuotaTable(seats, 0, AgeBandSet.STANDARD_7, rows);
    }

    @State(Scope.Benchmark)
    public static class Large {
        Pool pool;
        QuotaTable assembly;
        QuotaTable tight;
        int counter;

        @Setup(Level.Trial)
        public void setUp() {
            pool = seoulPool(100_000, 1);
            assembly = QuotaBuilders.seoulAssembly(PopulationTable.seoul(), 1000, 200);
            tight = tightQuotas(1000);
        }

        CommitReveal.Seed nextSeed() {
            return Instances.seed("bench" + counter++);
        }
    }

    @State(Scope.Benchmark)
    public static class Fairness {
        Pool pool;
        QuotaTable quotas;
        QuotaTable quotasWithReserves;
        int counter;

        @Setup(Level.Trial)
        public void setUp() {
            pool = seoulPool(10_000, 2);
            quotas = QuotaBuilders.seoulAssembly(PopulationTable.seoul(), 1000, 0);
            quotasWithReserves = QuotaBuilders.seoulAssembly(PopulationTable.seoul(), 1000, 200);
        }
    }

    @Benchmark
    public int baselineRank100k(Large s) {
        return Ranking.order(s.pool.applicants(), s.nextSeed())[0];
    }

    @Benchmark
    public DrawResult drawAssembly100k(Large s) {
        return SortitionEngine.draw(s.pool, s.assembly, s.nextSeed());
    }

    @Benchmark
    public DrawResult drawTight100k(Large s) {
        return SortitionEngine.draw(s.pool, s.tight, s.nextSeed());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int baselineRank10kX1000(Fairness s) {
        // same parallel shape as FairnessReport.empirical: 1,000 re-draw seeds, each pool ranked by HMAC
        CommitReveal.Seed seed = Instances.seed("fair");
        return java.util.stream.IntStream.range(0, 1000).parallel()
                .map(i -> Ranking.order(s.pool.applicants(), seed.redraw(i))[0]).sum();
    }

    @Benchmark
    public DrawResult drawAssembly10k(Fairness s) {
        return SortitionEngine.draw(s.pool, s.quotasWithReserves, Instances.seed("d" + s.counter++));
    }

    @Benchmark
    public int baselineRank10k(Fairness s) {
        return Ranking.order(s.pool.applicants(), Instances.seed("d" + s.counter++))[0];
    }

    @State(Scope.Benchmark)
    public static class LargeFairness {
        Pool pool;
        QuotaTable quotas;

        @Setup(Level.Trial)
        public void setUp() {
            pool = seoulPool(100_000, 1);
            quotas = QuotaBuilders.seoulAssembly(PopulationTable.seoul(), 1000, 0);
        }
    }

    /** Full-size fairness report: one shot, no warm-up (each shot is about a minute on 2 shared cores). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public List<FairnessReport.StratumLine> fairness100kX1000(LargeFairness s) {
        return FairnessReport.empirical(s.pool, s.quotas, Instances.seed("fair"), 1000);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int baselineRank100kX1000(LargeFairness s) {
        CommitReveal.Seed seed = Instances.seed("fair");
        return java.util.stream.IntStream.range(0, 1000).parallel()
                .map(i -> Ranking.order(s.pool.applicants(), seed.redraw(i))[0]).sum();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<FairnessReport.StratumLine> fairness10kX1000(Fairness s) {
        return FairnessReport.empirical(s.pool, s.quotas, Instances.seed("fair"), 1000);
    }
}
