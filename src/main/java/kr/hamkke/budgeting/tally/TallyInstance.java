package kr.hamkke.budgeting.tally;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.hamkke.shared.Rational;

/**
 * The counting input in index form: projects 0..m-1 with string ids and exact costs, a budget, and
 * ballots as project-index lists (rank order kept) with optional points and per-ballot weights.
 * Built once, counted by any rule.
 */
public final class TallyInstance {

    private final String[] ids;
    private final Rational[] costs;
    private final Rational budget;
    private final int[][] ballots;
    private final long[][] points;
    private final Rational[] weights;
    private final int positionalMax;

    /**
     * @param points  per ballot, aligned with {@code ballots}; null when the election has no points
     * @param weights per ballot; null when every ballot weighs 1
     * @param positionalMax K for positional satisfaction (max_length, else the number of projects)
     */
    public TallyInstance(String[] ids, Rational[] costs, Rational budget, int[][] ballots,
                         long[][] points, Rational[] weights, int positionalMax) {
        if (ids.length != costs.length) throw new IllegalArgumentException("ids and costs differ in length");
        if (points != null && points.length != ballots.length) throw new IllegalArgumentException("points and ballots differ");
        if (weights != null && weights.length != ballots.length) throw new IllegalArgumentException("weights and ballots differ");
        this.ids = ids.clone();
        this.costs = costs.clone();
        this.budget = Objects.requireNonNull(budget);
        this.ballots = ballots;
        this.points = points;
        this.weights = weights;
        this.positionalMax = positionalMax;
    }

    public static TallyInstance from(PbElection election) {
        return from(election, null);
    }

    /** @param weights per ballot in file order, or null for one vote each */
    public static TallyInstance from(PbElection election, Rational[] weights) {
        List<PbProject> projects = election.projects();
        String[] ids = new String[projects.size()];
        Rational[] costs = new Rational[projects.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < ids.length; p++) {
            ids[p] = projects.get(p).id();
            costs[p] = projects.get(p).cost();
            index.put(ids[p], p);
        }
        List<PbBallot> pbBallots = election.ballots();
        int[][] ballots = new int[pbBallots.size()][];
        boolean anyPoints = pbBallots.stream().anyMatch(PbBallot::hasPoints);
        long[][] points = anyPoints ? new long[pbBallots.size()][] : null;
        for (int i = 0; i < ballots.length; i++) {
            PbBallot b = pbBallots.get(i);
            ballots[i] = b.projectIds().stream().mapToInt(index::get).toArray();
            if (anyPoints) {
                points[i] = b.hasPoints() ? b.points().stream().mapToLong(Long::longValue).toArray() : ones(ballots[i].length);
            }
        }
        int k = election.maxLength().orElse(ids.length);
        return new TallyInstance(ids, costs, election.budget(), ballots, points, weights, k);
    }

    private static long[] ones(int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    public TallyInstance withWeights(Rational[] newWeights) {
        return new TallyInstance(ids, costs, budget, ballots, points, newWeights, positionalMax);
    }

    public TallyInstance withBudget(Rational newBudget) {
        return new TallyInstance(ids, costs, newBudget, ballots, points, weights, positionalMax);
    }

    public int projectCount() { return ids.length; }

    public int ballotCount() { return ballots.length; }

    public String id(int project) { return ids[project]; }

    public Rational cost(int project) { return costs[project]; }

    public Rational budget() { return budget; }

    int[] ballot(int i) { return ballots[i]; }

    /** The utility factor a ballot gives its k-th listed project (before multiplying by the per-project unit). */
    long factor(int ballot, int position, Satisfaction satisfaction) {
        return switch (satisfaction) {
            case COST, CARDINALITY -> 1;
            case POINTS -> points == null ? 1 : points[ballot][position];
            case POSITIONAL -> Math.max(0, positionalMax - position);
        };
    }

    /** Per-project multiplier turning a factor into a utility: cost(p) under COST, otherwise 1. */
    Rational unit(int project, Satisfaction satisfaction) {
        return satisfaction == Satisfaction.COST ? costs[project] : Rational.ONE;
    }

    Rational weight(int ballot) {
        return weights == null ? Rational.ONE : weights[ballot];
    }

    boolean weighted() { return weights != null; }

    public Rational totalCost(List<Integer> projects) {
        Rational total = Rational.ZERO;
        for (int p : projects) total = total.add(costs[p]);
        return total;
    }

    /** Tie-break: project id compared as a string, ascending ("10" < "9"). */
    int compareIds(int a, int b) {
        return ids[a].compareTo(ids[b]);
    }
}
