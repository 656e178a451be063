package kr.hamkke.budgeting.tally;

import java.util.EnumMap;
import java.util.Map;
import kr.hamkke.shared.Rational;

/** B10/B11: the share of the vote each group carries, fractions summing to 1 (default 50/40/10). */
public record ChannelWeights(Map<ChannelGroup, Rational> shares) {

    public ChannelWeights {
        EnumMap<ChannelGroup, Rational> copy = new EnumMap<>(ChannelGroup.class);
        for (ChannelGroup g : ChannelGroup.values()) copy.put(g, shares.getOrDefault(g, Rational.ZERO));
        Rational total = copy.values().stream().reduce(Rational.ZERO, Rational::add);
        if (!total.equals(Rational.ONE)) throw new IllegalArgumentException("channel weights must sum to 1, not " + total);
        if (copy.values().stream().anyMatch(w -> w.signum() < 0)) throw new IllegalArgumentException("negative channel weight");
        shares = Map.copyOf(copy);
    }

    /** The 2018 rule: citizen 50% + committee 40% + 예산학교 10%. */
    public static ChannelWeights defaults() {
        return new ChannelWeights(Map.of(ChannelGroup.CITIZEN, Rational.of(1, 2),
                ChannelGroup.COMMITTEE, Rational.of(2, 5), ChannelGroup.BUDGET_SCHOOL, Rational.of(1, 10)));
    }

    public Rational share(ChannelGroup group) {
        return shares.get(group);
    }
}
