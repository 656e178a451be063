package kr.hamkke.budgeting.tally;

import java.util.List;

/** A counted ballot with its group; {@code points} empty for approval ballots (1 point each). */
public record ChannelBallot(ChannelGroup group, List<String> projectIds, List<Long> points) {
    public ChannelBallot {
        projectIds = List.copyOf(projectIds);
        points = List.copyOf(points);
        if (!points.isEmpty() && points.size() != projectIds.size()) throw new IllegalArgumentException("points not aligned with projects");
    }

    public static ChannelBallot approval(ChannelGroup group, String... projectIds) {
        return new ChannelBallot(group, List.of(projectIds), List.of());
    }
}
