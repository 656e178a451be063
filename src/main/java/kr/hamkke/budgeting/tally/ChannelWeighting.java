package kr.hamkke.budgeting.tally;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.shared.Rational;

/**
 * B11: a ballot in group c weighs w_c / n_c. When a group has no ballots its share goes to the
 * others pro rata, so the weights of all ballots still sum to 1.
 */
public final class ChannelWeighting {

    /** A project's weighted score Σ weight × points / P, exact, with a display percentage. */
    public record WeightedScore(String projectId, Map<ChannelGroup, Long> approvalsByGroup, Rational score) {
        public String percent(int decimals) {
            return score.multiply(100).toDecimalString(decimals) + "%";
        }
    }

    private final ChannelWeights weights;
    private final Map<ChannelGroup, Long> counts;
    private final Map<ChannelGroup, Rational> effectiveShares;

    public ChannelWeighting(ChannelWeights weights, List<ChannelBallot> ballots) {
        this.weights = weights;
        this.counts = new EnumMap<>(ChannelGroup.class);
        for (ChannelGroup g : ChannelGroup.values()) counts.put(g, 0L);
        for (ChannelBallot b : ballots) counts.merge(b.group(), 1L, Long::sum);
        this.effectiveShares = effectiveShares(weights, counts);
    }

    static Map<ChannelGroup, Rational> effectiveShares(ChannelWeights weights, Map<ChannelGroup, Long> counts) {
        Rational present = Rational.ZERO;
        for (ChannelGroup g : ChannelGroup.values()) if (counts.get(g) > 0) present = present.add(weights.share(g));
        Map<ChannelGroup, Rational> shares = new EnumMap<>(ChannelGroup.class);
        for (ChannelGroup g : ChannelGroup.values()) {
            boolean counted = counts.get(g) > 0 && present.signum() > 0;
            shares.put(g, counted ? weights.share(g).divide(present) : Rational.ZERO);
        }
        return shares;
    }

    public ChannelWeights weights() { return weights; }

    /** n_c: counted ballots per group. */
    public long count(ChannelGroup group) { return counts.get(group); }

    /** w_c after pro-rata sharing of empty groups' weight. */
    public Rational effectiveShare(ChannelGroup group) { return effectiveShares.get(group); }

    /** w_c / n_c, or 0 for an empty group. */
    public Rational ballotWeight(ChannelGroup group) {
        long n = counts.get(group);
        return n == 0 ? Rational.ZERO : effectiveShares.get(group).divide(n);
    }

    /** Per-ballot weights, aligned with {@code ballots}, to feed greedy and MES. */
    public Rational[] ballotWeights(List<ChannelBallot> ballots) {
        Rational[] w = new Rational[ballots.size()];
        for (int i = 0; i < w.length; i++) w[i] = ballotWeight(ballots.get(i).group());
        return w;
    }

    /**
     * Score(p) = Σ weight × points / P for each project in {@code projectIds}, in that order
     * (approval: points 1, P = 1).
     */
    public List<WeightedScore> scores(List<String> projectIds, List<ChannelBallot> ballots, long pointsPerBallot) {
        Map<String, Rational> score = new LinkedHashMap<>();
        Map<String, Map<ChannelGroup, Long>> approvals = new LinkedHashMap<>();
        for (String id : projectIds) {
            score.put(id, Rational.ZERO);
            Map<ChannelGroup, Long> byGroup = new EnumMap<>(ChannelGroup.class);
            for (ChannelGroup g : ChannelGroup.values()) byGroup.put(g, 0L);
            approvals.put(id, byGroup);
        }
        for (ChannelBallot b : ballots) {
            Rational w = ballotWeight(b.group());
            for (int k = 0; k < b.projectIds().size(); k++) {
                String id = b.projectIds().get(k);
                if (!score.containsKey(id)) throw new IllegalArgumentException("unknown project " + id);
                long points = b.points().isEmpty() ? 1 : b.points().get(k);
                score.merge(id, w.multiply(points).divide(pointsPerBallot), Rational::add);
                approvals.get(id).merge(b.group(), 1L, Long::sum);
            }
        }
        List<WeightedScore> result = new ArrayList<>();
        score.forEach((id, s) -> result.add(new WeightedScore(id, approvals.get(id), s)));
        return result;
    }

    /**
     * A counting instance whose ballots carry these weights: greedy then orders by weighted score
     * and MES gives each ballot the endowment envelope × weight.
     */
    public TallyInstance instance(List<String> projectIds, List<Rational> costs, Rational envelope, List<ChannelBallot> ballots) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int p = 0; p < projectIds.size(); p++) index.put(projectIds.get(p), p);
        int[][] listed = new int[ballots.size()][];
        long[][] points = new long[ballots.size()][];
        for (int i = 0; i < listed.length; i++) {
            ChannelBallot b = ballots.get(i);
            listed[i] = b.projectIds().stream().mapToInt(id -> {
                Integer p = index.get(id);
                if (p == null) throw new IllegalArgumentException("unknown project " + id);
                return p;
            }).toArray();
            points[i] = b.points().isEmpty() ? java.util.Arrays.stream(listed[i]).mapToLong(x -> 1).toArray()
                    : b.points().stream().mapToLong(Long::longValue).toArray();
        }
        return new TallyInstance(projectIds.toArray(String[]::new), costs.toArray(Rational[]::new), envelope,
                listed, points, ballotWeights(ballots), projectIds.size());
    }
}
