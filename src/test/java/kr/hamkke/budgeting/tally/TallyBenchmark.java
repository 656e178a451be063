package kr.hamkke.budgeting.tally;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import kr.hamkke.shared.Rational;
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
 * Counting speed on real and synthetic elections, each with a baseline from the same run (parsing the
 * file, or one pass summing approvals) so figures can be reported as ratios. Multi-second operations,
 * so single-shot timing. Run: {@code bench/jmh.sh TallyBenchmark -f 1 -wi 1 -i 3}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class TallyBenchmark {

    static Path pabulib(String file) {
        return SharedData.sharedDir().resolve("pabulib").resolve(file);
    }

    @State(Scope.Benchmark)
    public static class Mokotow {
        TallyInstance instance;

        @Setup(Level.Trial)
        public void load() throws IOException {
            instance = TallyInstance.from(PabulibParser.parse(pabulib("Poland_Warszawa_2023_Mokotow.pb")));
        }
    }

    @State(Scope.Benchmark)
    public static class Lodz {
        TallyInstance instance;

        @Setup(Level.Trial)
        public void load() throws IOException {
            instance = TallyInstance.from(PabulibParser.parse(pabulib("Poland_Lodz_2022.pb")));
        }
    }

    /** 1,000,000 approval ballots over 200 projects, skewed popularity, 1–10 picks, fixed seed. */
    @State(Scope.Benchmark)
    public static class Synthetic {
        TallyInstance instance;

        @Setup(Level.Trial)
        public void generate() {
            instance = synthetic(1_000_000, 200, 42);
        }
    }

    static TallyInstance synthetic(int voters, int projects, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = new String[projects];
        Rational[] costs = new Rational[projects];
        long total = 0;
        for (int p = 0; p < projects; p++) {
            ids[p] = "S" + p;
            long cost = 50_000 + random.nextLong(2_000_000) / 1000 * 1000;
            costs[p] = Rational.of(cost);
            total += cost;
        }
        int[][] ballots = new int[voters][];
        boolean[] picked = new boolean[projects];
        for (int i = 0; i < voters; i++) {
            int k = 1 + random.nextInt(10);
            int[] ballot = new int[k];
            for (int j = 0; j < k; j++) {
                int p;
                do {
                    // squaring a uniform draw favours low indexes: a few popular projects, a long tail
                    double u = random.nextDouble();
                    p = (int) (u * u * projects);
                } while (picked[p]);
                picked[p] = true;
                ballot[j] = p;
            }
            for (int p : ballot) picked[p] = false;
            ballots[i] = ballot;
        }
        return new TallyInstance(ids, costs, Rational.of(total / 4), ballots, null, null, projects);
    }

    @Benchmark
    public PbElection baselineParseMokotow() throws IOException {
        return PabulibParser.parse(pabulib("Poland_Warszawa_2023_Mokotow.pb"));
    }

    @Benchmark
    public TallyOutcome mesAdd1Mokotow(Mokotow data) {
        return TallyRule.MES_ADD1.count(data.instance);
    }

    @Benchmark
    public PbElection baselineParseLodz() throws IOException {
        return PabulibParser.parse(pabulib("Poland_Lodz_2022.pb"));
    }

    @Benchmark
    public TallyOutcome mesAdd1Lodz(Lodz data) {
        return TallyRule.MES_ADD1.count(data.instance);
    }

    /** Baseline for the synthetic election: one pass over every ballot counting approvals. */
    @Benchmark
    public long[] baselineSumApprovals1M(Synthetic data) {
        long[] approvals = new long[data.instance.projectCount()];
        for (int i = 0; i < data.instance.ballotCount(); i++) for (int p : data.instance.ballot(i)) approvals[p]++;
        return approvals;
    }

    @Benchmark
    public TallyOutcome greedy1M(Synthetic data) {
        return TallyRule.GREEDY.count(data.instance);
    }

    @Benchmark
    public TallyOutcome mes1M(Synthetic data) {
        return TallyRule.MES.count(data.instance);
    }
}
