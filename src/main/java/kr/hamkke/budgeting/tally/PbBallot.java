package kr.hamkke.budgeting.tally;

import java.util.List;

/**
 * One voter's ballot: project ids in the order given (rank order for ordinal files) and, for
 * cumulative/scoring files, the points aligned with them (empty when the file has none).
 */
public record PbBallot(String voterId, List<String> projectIds, List<Long> points) {
    public PbBallot {
        projectIds = List.copyOf(projectIds);
        points = List.copyOf(points);
        if (!points.isEmpty() && points.size() != projectIds.size()) {
            throw new PabulibFormatException("voter " + voterId + ": " + projectIds.size() + " projects but " + points.size() + " points");
        }
    }

    public boolean hasPoints() {
        return !points.isEmpty();
    }
}
